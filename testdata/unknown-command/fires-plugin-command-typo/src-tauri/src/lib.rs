mod sync;

pub fn run() {
    tauri::Builder::default()
        .plugin(sync::init())
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
