// fires: "presence:leave", emitted inside `assert!`, has no handler: the server only handles join and status
use rust_socketio::asynchronous::ClientBuilder;
use serde_json::json;

#[tokio::main]
async fn main() {
    let client = ClientBuilder::new("http://localhost:4000")
        .connect()
        .await
        .expect("the presence server is not running");

    let (joined, _) = tokio::join!(
        client.emit("presence:join", json!({ "user": "ada" })),
        tokio::time::sleep(std::time::Duration::from_millis(100)),
    );
    joined.expect("the join was not sent");
    assert!(client
        .emit("presence:status", json!("away"))
        .await
        .is_ok());
    assert!(client
        .emit("presence:leave", json!({ "user": "ada" }))
        .await
        .is_ok());
}
