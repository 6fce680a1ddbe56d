// silent: emit_filter decides at run time, and an instance's `emit` reaches every target.
use tauri::{AppHandle, Emitter, EventTarget};

#[tauri::command]
pub fn notify(app: AppHandle) -> Result<(), String> {
    app.emit_filter("notice", "hello", |target| {
        matches!(target, EventTarget::WebviewWindow { label } if label == "main")
    })
    .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![notify])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
