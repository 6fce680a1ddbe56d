//! Event names shared with the webview (`src/api/events.ts` holds the same strings).

/// Core → webview: a note was written; the payload is its id.
pub const NOTE_SAVED: &str = "note-saved";
/// Core → webview: the store is open; the payload is the number of notes.
pub const NOTES_LOADED: &str = "notes-loaded";
/// Webview → core: the UI has mounted.
pub const APP_READY: &str = "app-ready";
/// Core → webview: sync progress in percent.
pub const SYNC_PROGRESS: &str = "sync-progress";
/// Core → webview: an export was written; the payload is its path.
pub const EXPORT_FINISHED: &str = "export-finished";
