// silent: `listen` from @tauri-apps/api/event registers with target Any, which every emit_to reaches.
use tauri::{AppHandle, Emitter, EventTarget};

#[tauri::command]
pub fn pick_theme(app: AppHandle, theme: String) -> Result<(), String> {
    app.emit_to(EventTarget::webview_window("settings"), "theme-picked", &theme)
        .map_err(|error| error.to_string())?;
    app.emit_to(EventTarget::App, "theme-saved", &theme)
        .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![pick_theme])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
