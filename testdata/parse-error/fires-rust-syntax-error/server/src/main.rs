// fires: a half-written handler that syn cannot parse; the web client's "message:new" is not reported as unmatched
use serde_json::Value;
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

async fn on_connect(socket: SocketRef) {
    socket.on("message:new", async |Data(message): Data<Value>| {
        tracing::info!(%message, "received");
        let saved = ;
    });
}

#[tokio::main]
async fn main() {
    let (_layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
}
