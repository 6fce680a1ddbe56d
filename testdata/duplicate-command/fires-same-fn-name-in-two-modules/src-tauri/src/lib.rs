// fires: settings::get_theme and theme::get_theme are both the command "get_theme".
mod settings {
    #[tauri::command]
    pub fn get_theme() -> String {
        "light".to_owned()
    }
}

mod theme {
    #[tauri::command]
    pub fn get_theme() -> String {
        "dark".to_owned()
    }
}

pub fn run() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![settings::get_theme, theme::get_theme])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
