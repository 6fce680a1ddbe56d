// silent: broadcasts are awaited or spawned, and a single socket's `emit` is synchronous
use axum::{extract::State, http::StatusCode, routing::post, Json, Router};
use serde::{Deserialize, Serialize};
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Announcement {
    title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Update {
    topic: String,
    text: String,
}

async fn announce(State(io): State<SocketIo>, Json(body): Json<Announcement>) -> StatusCode {
    match io.emit("announcement", &body).await {
        Ok(()) => StatusCode::ACCEPTED,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

fn publish_later(io: SocketIo, update: Update) {
    tokio::spawn(async move {
        io.to(update.topic.clone())
            .emit("topic:update", &update)
            .await
            .ok();
    });
}

async fn publish(State(io): State<SocketIo>, Json(update): Json<Update>) -> StatusCode {
    publish_later(io, update);
    StatusCode::ACCEPTED
}

async fn on_connect(socket: SocketRef) {
    socket.emit("welcome", "hello").ok();
    socket.on("topic:follow", async |socket: SocketRef, Data(topic): Data<String>| {
        socket.join(topic);
    });
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = Router::new()
        .route("/announce", post(announce))
        .route("/publish", post(publish))
        .with_state(io)
        .layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
