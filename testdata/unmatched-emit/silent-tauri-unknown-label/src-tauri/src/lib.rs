// silent: a label known only at run time may be the listener's, so the emit may reach it.
use tauri::{AppHandle, Emitter, EventTarget, Listener, Window};

#[tauri::command]
pub fn refresh(app: AppHandle, label: String) -> Result<(), String> {
    app.emit_to(EventTarget::webview_window(&label), "refresh", ())
        .map_err(|error| error.to_string())?;
    app.emit_to(EventTarget::window("main"), "window-refresh", ())
        .map_err(|error| error.to_string())
}

// The label of a `Window` parameter is whichever window invoked the command.
#[tauri::command]
pub fn watch(window: Window) {
    window.listen("window-refresh", |_event| {});
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![refresh, watch])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
