// fires: a Cargo example target of the client crate emits the placeholder "hello"; example code, like tests, is reported as info
use rust_socketio::ClientBuilder;
use serde_json::json;

fn main() {
    let client = ClientBuilder::new("http://localhost:5000")
        .on("greeting", |payload, _| println!("the server says {payload:?}"))
        .connect()
        .expect("start the server first");
    client.emit("hello", json!({ "from": "example" })).expect("emit failed");
    client.emit("greet", json!("example")).expect("emit failed");
}
