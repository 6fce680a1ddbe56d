use tauri::ipc::Channel;

/// Streams the percentage done on one channel and the archive's path on the other.
#[tauri::command]
async fn backup(
    target: String,
    on_progress: Channel<u32>,
    on_done: Channel<String>,
) -> Result<(), String> {
    for percent in [25, 50, 75, 100] {
        on_progress.send(percent).map_err(|error| error.to_string())?;
    }
    on_done.send(target).map_err(|error| error.to_string())
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![backup])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
