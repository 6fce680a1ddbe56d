use tauri::{AppHandle, Emitter, State};

use crate::events;
use crate::store::{Note, NoteStore};

#[tauri::command]
pub fn list_notes(user_id: u32, store: State<'_, NoteStore>) -> Vec<Note> {
    store.for_user(user_id)
}

#[tauri::command]
pub fn get_note(
    id: u32,
    include_archived: Option<bool>,
    store: State<'_, NoteStore>,
) -> Result<Note, String> {
    let note = store.find(id).ok_or_else(|| format!("note {id} not found"))?;
    if note.archived && !include_archived.unwrap_or(false) {
        return Err(format!("note {id} is archived"));
    }
    Ok(note)
}

#[tauri::command]
pub async fn save_note(
    app: AppHandle,
    store: State<'_, NoteStore>,
    note_id: u32,
    body: String,
) -> Result<(), String> {
    store.update(note_id, |note| note.body = body)?;
    app.emit(events::NOTE_SAVED, note_id)
        .map_err(|error| error.to_string())
}

#[tauri::command]
pub fn delete_note(id: u32, store: State<'_, NoteStore>) -> Result<(), String> {
    store.remove(id)
}

/// The webview sends `max_results` as written here: this command keeps snake_case keys.
#[tauri::command(rename_all = "snake_case")]
pub fn search_notes(
    query: String,
    max_results: Option<u32>,
    store: State<'_, NoteStore>,
) -> Vec<Note> {
    let limit = max_results.unwrap_or(50) as usize;
    store
        .all()
        .into_iter()
        .filter(|note| note.body.contains(&query))
        .take(limit)
        .collect()
}

/// Registered for a status bar that was never built.
#[tauri::command]
pub fn count_notes(store: State<'_, NoteStore>) -> usize {
    store.count()
}

/// Added with the archive button, but never put in `generate_handler!` (see lib.rs).
#[tauri::command]
pub fn archive_note(id: u32, store: State<'_, NoteStore>) -> Result<(), String> {
    store.update(id, |note| note.archived = true)
}
