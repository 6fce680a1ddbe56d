// fires: emit_to("main", ..) reaches the webview labelled "main" but not the core's `handle.listen` (target App).
use tauri::{AppHandle, Emitter, Listener, Manager};

#[tauri::command]
pub fn set_theme(app: AppHandle, theme: String) -> Result<(), String> {
    app.emit_to("main", "theme-changed", &theme)
        .map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let handle = app.handle();
            handle.listen("theme-changed", |event| {
                println!("persist theme {}", event.payload());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![set_theme])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
