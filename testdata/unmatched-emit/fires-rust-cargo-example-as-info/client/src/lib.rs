use rust_socketio::{ClientBuilder, RawClient};
use serde_json::json;

/// Connects to the greeter and asks it to greet `name`.
pub fn greet(url: &str, name: &str) -> rust_socketio::error::Result<RawClient> {
    let client = ClientBuilder::new(url)
        .on("greeting", |payload, _| println!("{payload:?}"))
        .connect_raw()?;
    client.emit("greet", json!(name))?;
    Ok(client)
}
