use socketioxide::{
    extract::{AckSender, Data, SocketRef},
    SocketIo,
};

mod model;

use model::ProfileUpdate;

async fn on_connect(socket: SocketRef) {
    socket.on(
        "profile:update",
        async |Data(update): Data<ProfileUpdate>, ack: AckSender| {
            tracing::info!(?update, "profile updated");
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
