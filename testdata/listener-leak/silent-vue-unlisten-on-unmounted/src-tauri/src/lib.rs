use tauri::{AppHandle, Emitter};

pub fn progress(app: &AppHandle, percent: u32) {
    let _ = app.emit("sync-progress", percent);
    if percent == 100 {
        let _ = app.emit("sync-done", ());
    }
}
