// fires: a scaffolding generator's template (`{{ plugin_name_snake_case }}` placeholders) saved as `.rs` is info, not a syntax error; the invoke of its `greet` stays quiet
#[tauri::command]
fn greet(name: &str) -> String {
    format!("Hello, {}!", name)
}

#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_{{ plugin_name_snake_case }}::init())
        .invoke_handler(tauri::generate_handler![greet])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
