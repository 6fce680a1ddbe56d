use tauri::{AppHandle, Emitter};

#[tauri::command]
fn start_download(app: AppHandle, id: u32) {
    for percent in [0u8, 50, 100] {
        app.emit(&format!("download-progress-{id}"), percent).ok();
    }
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![start_download])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
