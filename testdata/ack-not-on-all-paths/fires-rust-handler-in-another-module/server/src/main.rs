use std::sync::Arc;

use socketioxide::{extract::SocketRef, SocketIo};

mod db;
mod handlers;

async fn on_connect(socket: SocketRef) {
    socket.on("message:new", handlers::on_message);
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = Arc::new(db::Pool::connect("postgres://localhost/chat").await?);
    let (layer, io) = SocketIo::builder().with_state(pool).build_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
