// fires: the handler reads two arguments with `Data<(f64, f64)>` but the client sends one object, so the handler never runs
use socketioxide::{
    extract::{AckSender, Data, SocketRef},
    SocketIo,
};

async fn on_connect(socket: SocketRef) {
    socket.on(
        "cursor:move",
        async |Data((x, y)): Data<(f64, f64)>, ack: AckSender| {
            tracing::debug!(x, y, "cursor moved");
            ack.send(&true).ok();
        },
    );
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
