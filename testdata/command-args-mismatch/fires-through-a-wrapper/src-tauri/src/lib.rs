#[tauri::command]
async fn save_note(app: tauri::AppHandle, note_id: u32, body: String) -> Result<(), String> {
    let _ = (app, note_id, body);
    Ok(())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![save_note])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
