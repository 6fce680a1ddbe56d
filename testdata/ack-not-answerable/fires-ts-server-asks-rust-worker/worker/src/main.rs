// fires: the server asks for an ack on "job:run", but rust_socketio callbacks cannot answer acks
use rust_socketio::{ClientBuilder, Payload, RawClient};
use serde_json::json;

fn run_job(payload: Payload, _client: RawClient) {
    println!("running {payload:?}");
}

fn main() {
    let client = ClientBuilder::new("http://localhost:3000")
        .namespace("/jobs")
        .on("job:run", run_job)
        .on("error", |err, _| eprintln!("error: {err:?}"))
        .connect()
        .expect("connection failed");
    client
        .emit("worker:ready", json!({ "threads": 4 }))
        .expect("emit failed");
    std::thread::park();
}
