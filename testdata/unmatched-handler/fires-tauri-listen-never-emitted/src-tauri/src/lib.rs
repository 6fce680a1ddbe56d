use tauri::{AppHandle, Emitter, Listener};

pub fn wire(app: &AppHandle) {
    let handle = app.clone();
    app.listen("app-ready", move |_event| {
        let _ = handle.emit("notes-loaded", 3);
    });
}
