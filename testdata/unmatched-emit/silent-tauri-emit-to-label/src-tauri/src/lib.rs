// silent: emit_to("main", ..) reaches every window, webview and webview window labelled "main".
use tauri::{AppHandle, Emitter};

const MAIN: &str = "main";

#[tauri::command]
pub fn export_notes(app: AppHandle, path: String) -> Result<(), String> {
    app.emit_to(MAIN, "export-finished", &path)
        .map_err(|error| error.to_string())?;
    app.emit_to("main", "export-progress", 100)
        .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![export_notes])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
