use tauri::plugin::{Builder, TauriPlugin};
use tauri::Runtime;

const PLUGIN_NAME: &str = "notes-sync";

#[tauri::command]
fn sync_now() -> u32 {
    0
}

pub fn init<R: Runtime>() -> TauriPlugin<R> {
    Builder::new(PLUGIN_NAME)
        .invoke_handler(tauri::generate_handler![sync_now])
        .build()
}
