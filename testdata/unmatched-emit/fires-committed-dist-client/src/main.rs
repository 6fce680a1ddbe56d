use socketioxide::{extract::{Data, SocketRef}, SocketIo};
use tower_http::services::ServeDir;

async fn on_connect(socket: SocketRef) {
    socket.on("drawing", |socket: SocketRef, Data::<serde_json::Value>(data)| {
        socket.broadcast().emit("drawing", &data).ok();
    });
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new()
        .fallback_service(ServeDir::new("dist"))
        .layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
