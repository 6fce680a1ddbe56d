#[tauri::command]
fn list_notes() -> Vec<String> {
    Vec::new()
}

#[tauri::command]
fn count_notes() -> u32 {
    0
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![list_notes, count_notes])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
