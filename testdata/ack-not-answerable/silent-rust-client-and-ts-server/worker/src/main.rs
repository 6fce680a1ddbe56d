// silent: a rust_socketio worker and a socket.io server; the worker answers "job:run" with an event of its own, and its own ack request is answered
use std::time::Duration;

use rust_socketio::{ClientBuilder, Event, Payload, RawClient};
use serde_json::json;

mod events {
    pub const WORKER_READY: &str = "worker:ready";
    pub const JOB_RUN: &str = "job:run";
    pub const JOB_DONE: &str = "job:done";
}

fn run_job(payload: Payload, client: RawClient) {
    println!("running {payload:?}");
    client
        .emit(events::JOB_DONE, json!({ "id": 1, "url": "/thumbs/1.png" }))
        .expect("emit failed");
}

fn main() {
    let client = ClientBuilder::new("http://localhost:3000")
        .namespace("/jobs")
        .on(Event::Connect, |_, _| println!("connected"))
        .on(events::JOB_RUN, run_job)
        .on("close", |reason, _| println!("closed: {reason:?}"))
        .connect()
        .expect("connection failed");
    client
        .emit_with_ack(
            events::WORKER_READY,
            json!({ "threads": 4 }),
            Duration::from_secs(5),
            |accepted: Payload, _: RawClient| println!("accepted: {accepted:?}"),
        )
        .expect("emit failed");
    std::thread::park();
}
