// silent: one hide_dock per OS, each under its #[cfg]: one command in any build.
#[cfg(target_os = "macos")]
mod macos {
    #[tauri::command]
    pub fn hide_dock() {}
}

#[cfg(not(target_os = "macos"))]
mod other {
    #[tauri::command]
    pub fn hide_dock() {}
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![
            #[cfg(target_os = "macos")]
            macos::hide_dock,
            #[cfg(not(target_os = "macos"))]
            other::hide_dock
        ])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
