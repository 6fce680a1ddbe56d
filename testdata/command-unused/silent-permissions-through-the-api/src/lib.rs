use tauri::plugin::{Builder, TauriPlugin};
use tauri::Runtime;

#[tauri::command]
fn check_permissions() -> String {
    "granted".into()
}

#[tauri::command]
fn request_permissions() -> String {
    "granted".into()
}

#[tauri::command]
fn get_position() -> (f64, f64) {
    (0.0, 0.0)
}

pub fn init<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("geo")
        .invoke_handler(tauri::generate_handler![check_permissions, request_permissions, get_position])
        .build()
}
