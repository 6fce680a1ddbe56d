use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Emitter, EventTarget, State};

use crate::events;
use crate::store::NoteStore;

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub done: usize,
    pub total: usize,
}

/// Streams progress on the caller's channel, resolves with the file written.
#[tauri::command]
pub async fn export_notes(
    app: AppHandle,
    store: State<'_, NoteStore>,
    format: String,
    on_progress: Channel<ExportProgress>,
) -> Result<String, String> {
    let notes = store.all();
    let total = notes.len();
    let mut text = String::new();
    for (index, note) in notes.iter().enumerate() {
        text.push_str(&note.body);
        text.push('\n');
        on_progress
            .send(ExportProgress { done: index + 1, total })
            .map_err(|error| error.to_string())?;
    }
    let path = std::env::temp_dir().join(format!("notes.{format}"));
    std::fs::write(&path, text).map_err(|error| error.to_string())?;
    let path = path.display().to_string();
    // BUG: unmatched-emit (target): aimed at the *Window* "main"; the webview listens
    // through getCurrentWebviewWindow(), whose target is WebviewWindow "main".
    app.emit_to(EventTarget::window("main"), events::EXPORT_FINISHED, &path)
        .map_err(|error| error.to_string())?;
    Ok(path)
}
