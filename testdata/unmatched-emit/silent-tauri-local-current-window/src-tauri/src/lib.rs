// silent: Window("main") reaches the listener of a local holding getCurrentWindow() (label unknown: any window).
use tauri::{AppHandle, Emitter, EventTarget};

#[tauri::command]
pub fn sync_now(app: AppHandle) -> Result<(), String> {
    app.emit_to(EventTarget::window("main"), "sync-done", ())
        .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![sync_now])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
