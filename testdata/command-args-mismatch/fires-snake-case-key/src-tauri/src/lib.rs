#[tauri::command]
fn list_notes(app: tauri::AppHandle, user_id: u32, limit: Option<u32>) -> Vec<String> {
    let _ = (app, user_id, limit);
    Vec::new()
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![list_notes])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
