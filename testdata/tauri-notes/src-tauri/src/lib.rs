mod commands;
mod events;
mod store;
mod sync;

use tauri::{Emitter, Listener, Manager};

use crate::store::NoteStore;

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    tauri::Builder::default()
        .plugin(sync::init())
        .manage(NoteStore::default())
        .setup(|app| {
            let handle = app.handle().clone();
            // The webview says when it has mounted: only then can it hear the count.
            app.listen(events::APP_READY, move |_event| {
                let count = handle.state::<NoteStore>().count();
                let _ = handle.emit(events::NOTES_LOADED, count);
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::notes::list_notes,
            commands::notes::get_note,
            commands::notes::save_note,
            commands::notes::delete_note,
            commands::notes::search_notes,
            commands::notes::count_notes,
            commands::settings::get_settings,
            commands::settings::get_theme,
            commands::export::export_notes,
            // BUG: duplicate-command: a second `get_theme` (the window's theme); only the
            // first one in this list is ever called.
            commands::theme::get_theme,
        ])
        .run(tauri::generate_context!())
        .expect("error while running tauri-notes");
}
