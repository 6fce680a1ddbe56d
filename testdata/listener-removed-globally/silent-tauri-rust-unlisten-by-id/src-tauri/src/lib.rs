// silent: `unlisten(id)` removes the one listener `listen` returned the id of, not every listener of "note-opened".
use tauri::{App, Listener};

pub fn watch_notes(app: &mut App) {
    let id = app.listen("note-opened", |event| {
        println!("opened {}", event.payload());
    });
    app.listen("note-opened", |_| {});
    app.unlisten(id);
}
