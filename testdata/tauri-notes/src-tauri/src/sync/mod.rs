//! The sync engine, packaged as a plugin: the webview calls
//! `plugin:notes-sync|sync_now` and `plugin:notes-sync|sync_status`.

use serde::Serialize;
use tauri::plugin::{Builder, TauriPlugin};
use tauri::{AppHandle, Emitter, Runtime};

use crate::events;

const PLUGIN_NAME: &str = "notes-sync";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub last_sync: Option<u64>,
    pub pending: u32,
}

#[tauri::command]
async fn sync_now<R: Runtime>(app: AppHandle<R>) -> Result<u32, String> {
    let mut pushed = 0;
    for step in 1..=4u32 {
        pushed += step;
        app.emit(events::SYNC_PROGRESS, step * 25)
            .map_err(|error| error.to_string())?;
    }
    // BUG: event-name-invalid: a '.' is not allowed in a Tauri event name; this emit
    // panics at run time.
    app.emit("sync.finished", pushed)
        .map_err(|error| error.to_string())?;
    Ok(pushed)
}

#[tauri::command]
fn sync_status() -> SyncStatus {
    SyncStatus {
        last_sync: None,
        pending: 0,
    }
}

pub fn init<R: Runtime>() -> TauriPlugin<R> {
    Builder::new(PLUGIN_NAME)
        .invoke_handler(tauri::generate_handler![sync_now, sync_status])
        .build()
}
