// fires: `emit_with_ack` towards a rust_socketio client, which cannot answer: the ack stream always times out
use std::time::Duration;

use socketioxide::{extract::SocketRef, SocketIo};

async fn on_connect(socket: SocketRef) {
    match socket
        .timeout(Duration::from_secs(5))
        .emit_with_ack::<_, String>("ping", &"are you there?")
    {
        Ok(ack) => match ack.await {
            Ok(answer) => tracing::info!(answer, "client answered"),
            Err(err) => tracing::warn!(%err, "no answer"),
        },
        Err(err) => tracing::warn!(%err, "could not ask"),
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
