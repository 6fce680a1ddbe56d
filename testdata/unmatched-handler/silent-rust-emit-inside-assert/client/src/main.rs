// silent: the uploader emits inside `assert!`, `assert_eq!` and `println!`: those emits reach the server's handlers
use bytes::Bytes;
use rust_socketio::{ClientBuilder, Payload};
use serde_json::json;

fn main() {
    let client = ClientBuilder::new("http://localhost:4000")
        .namespace("/uploads")
        .on("upload:stored", |payload, _| {
            if let Payload::Text(values) = payload {
                println!("stored: {values:?}");
            }
        })
        .connect()
        .expect("the upload server is not running");

    let header = json!({ "name": "report.pdf", "chunks": 1 });
    assert_eq!(client.emit("upload:begin", header).is_ok(), true);
    assert!(
        client
            .emit("upload:chunk", Bytes::from_static(&[37, 80, 68, 70]))
            .is_ok(),
        "the chunk was not sent"
    );
    println!("finished: {:?}", client.emit("upload:end", json!("report.pdf")));
}
