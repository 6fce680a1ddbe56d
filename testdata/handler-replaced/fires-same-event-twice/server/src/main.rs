// fires: "message:new" is registered twice on one socket; socketioxide keeps only the second, so messages are never relayed
use serde_json::Value;
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

mod metrics;

async fn on_connect(socket: SocketRef) {
    socket.on(
        "message:new",
        async |socket: SocketRef, Data(message): Data<Value>| {
            socket.broadcast().emit("message:created", &message).await.ok();
        },
    );
    metrics::count_messages(&socket);
    // Added for the audit log, after the metrics hook above.
    socket.on("message:new", async |Data(message): Data<Value>| {
        tracing::info!(%message, "audit");
    });
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
