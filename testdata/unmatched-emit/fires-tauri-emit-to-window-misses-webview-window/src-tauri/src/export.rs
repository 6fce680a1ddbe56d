// fires: aimed at Window("main"), but the only listener registered on WebviewWindow("main").
use tauri::{AppHandle, Emitter, EventTarget};

#[tauri::command]
pub fn export_notes(app: AppHandle, path: String) -> Result<(), String> {
    app.emit_to(EventTarget::window("main"), "export-finished", &path)
        .map_err(|error| error.to_string())
}
