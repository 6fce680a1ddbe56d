// Event names shared with the core (src-tauri/src/events.rs holds the same strings).
export const NOTE_SAVED = "note-saved";
export const NOTES_LOADED = "notes-loaded";
export const APP_READY = "app-ready";
export const SYNC_PROGRESS = "sync-progress";
export const EXPORT_FINISHED = "export-finished";
