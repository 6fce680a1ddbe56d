use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub theme: String,
    pub sync_enabled: bool,
}

#[tauri::command]
pub fn get_settings() -> Settings {
    Settings {
        theme: get_theme(),
        sync_enabled: true,
    }
}

#[tauri::command]
pub fn get_theme() -> String {
    std::env::var("NOTES_THEME").unwrap_or_else(|_| "light".to_owned())
}
