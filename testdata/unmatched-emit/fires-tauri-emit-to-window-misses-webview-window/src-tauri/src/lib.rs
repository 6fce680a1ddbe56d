mod export;

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![export::export_notes])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
