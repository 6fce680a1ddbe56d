// fires: rust_socketio takes the namespace from `.namespace(..)` only; "/admin" in the URL is the engine.io path, so this emits to "/"
use rust_socketio::ClientBuilder;
use serde_json::json;

fn main() {
    let client = ClientBuilder::new("http://localhost:3000/admin")
        .connect()
        .expect("connection failed");
    client
        .emit("metrics:report", json!({ "cpu": 42 }))
        .expect("emit failed");
}
