use tauri::{AppHandle, Emitter};

pub fn loaded(app: &AppHandle) {
    let _ = app.emit("notes-loaded", 3);
}
