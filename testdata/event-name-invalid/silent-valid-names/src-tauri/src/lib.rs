use tauri::{AppHandle, Emitter, Listener};

pub fn synced(app: &AppHandle) {
    let _ = app.emit("sync/finished:ok_now-1", 1);
    app.listen("app-ready", |_event| {});
}
