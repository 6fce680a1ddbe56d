// fires: aimed at Window("main"); the listener is a local holding getCurrentWebviewWindow().
use tauri::{AppHandle, Emitter, EventTarget};

#[tauri::command]
pub fn sync_now(app: AppHandle) -> Result<(), String> {
    app.emit_to(EventTarget::window("main"), "sync-done", ())
        .map_err(|error| error.to_string())?;
    app.emit_to(EventTarget::webview_window("main"), "sync-started", ())
        .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![sync_now])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
