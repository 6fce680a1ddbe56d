#[tauri::command]
fn list_notes() -> Vec<String> {
    Vec::new()
}

#[tauri::command]
fn archive_note(id: u32) {
    let _ = id;
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![archive_note])
        .invoke_handler(tauri::generate_handler![list_notes])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
