use tauri::{AppHandle, Emitter};

pub fn synced(app: &AppHandle) {
    let _ = app.emit("sync.finished", 1);
}
