mod sync;

/// Every app command goes through this one command and a router behind it.
#[tauri::command]
fn rpc(cmd: String, payload: serde_json::Value) -> Result<serde_json::Value, String> {
    let _ = (cmd, payload);
    Ok(serde_json::Value::Null)
}

pub fn run() {
    tauri::Builder::default()
        .plugin(sync::init())
        .invoke_handler(tauri::generate_handler![rpc])
        .run(tauri::generate_context!())
        .expect("error while running tauri application");
}
