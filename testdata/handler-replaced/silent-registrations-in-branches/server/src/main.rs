// silent: the two "message:new" handlers are alternatives chosen by configuration, so only one is ever registered
use serde_json::Value;
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

fn moderated() -> bool {
    std::env::var("MODERATED").is_ok()
}

async fn on_connect(socket: SocketRef) {
    if moderated() {
        socket.on("message:new", async |Data(message): Data<Value>| {
            tracing::info!(%message, "held for moderation");
        });
    } else {
        socket.on(
            "message:new",
            async |socket: SocketRef, Data(message): Data<Value>| {
                socket.broadcast().emit("message:created", &message).await.ok();
            },
        );
    }
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
