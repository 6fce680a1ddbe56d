use tauri::ipc::Channel;

/// Streams the percentage done, resolves with the archive's path.
#[tauri::command]
async fn backup(target: String, on_progress: Channel<u32>) -> Result<String, String> {
    for percent in [25, 50, 75, 100] {
        on_progress.send(percent).map_err(|error| error.to_string())?;
    }
    Ok(target)
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![backup])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
