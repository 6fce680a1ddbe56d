use tauri::{AppHandle, Emitter};

pub fn progress(app: &AppHandle, percent: u32) {
    let _ = app.emit("sync-progress", percent);
}
