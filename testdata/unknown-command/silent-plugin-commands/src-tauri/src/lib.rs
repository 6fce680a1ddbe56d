mod sync;

#[tauri::command]
fn ping() -> String {
    "pong".to_owned()
}

pub fn run() {
    tauri::Builder::default()
        .plugin(sync::init())
        .invoke_handler(tauri::generate_handler![ping])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
