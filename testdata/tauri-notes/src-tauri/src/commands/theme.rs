use tauri::WebviewWindow;

/// The theme the operating system gives the window.
#[tauri::command]
pub fn get_theme(window: WebviewWindow) -> Result<String, String> {
    let theme = window.theme().map_err(|error| error.to_string())?;
    Ok(format!("{theme:?}").to_lowercase())
}
