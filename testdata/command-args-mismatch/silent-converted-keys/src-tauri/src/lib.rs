use tauri::{AppHandle, State};

struct Store;

#[tauri::command]
fn save_note(app: AppHandle, store: State<'_, Store>, note_id: u32, body: String) {
    let _ = (app, store, note_id, body);
}

#[tauri::command(rename_all = "snake_case")]
fn search_notes(query: String, max_results: u32) -> Vec<String> {
    let _ = (query, max_results);
    Vec::new()
}

#[tauri::command]
fn get_note(id: u32, include_archived: Option<bool>) -> String {
    let _ = (id, include_archived);
    String::new()
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![save_note, search_notes, get_note])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
