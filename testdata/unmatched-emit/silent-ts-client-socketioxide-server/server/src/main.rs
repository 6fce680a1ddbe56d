use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use socketioxide::{
    extract::{AckSender, Data, SocketRef, State},
    SocketIo,
};
use tracing::info;

mod admin;
mod events;

use events::*;

#[derive(Default)]
struct Counter(AtomicU64);

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewMessage {
    room_id: String,
    text: String,
}

#[derive(Debug, Clone, Serialize)]
struct Message {
    id: u64,
    text: String,
}

async fn on_connect(socket: SocketRef) {
    info!(id = ?socket.id, "chat socket connected");
    socket.on(ROOM_JOIN, async |socket: SocketRef, Data(room): Data<String>| {
        socket.join(room);
    });
    socket.on(MESSAGE_NEW, on_message);
    socket.on(
        TYPING,
        async |socket: SocketRef, Data((room, typing)): Data<(String, bool)>| {
            if typing {
                socket
                    .to(room)
                    .emit(TYPING, &socket.id.to_string())
                    .await
                    .ok();
            }
        },
    );
}

async fn on_message(
    socket: SocketRef,
    Data(message): Data<NewMessage>,
    ack: AckSender,
    State(counter): State<Counter>,
) {
    let id = counter.0.fetch_add(1, Ordering::Relaxed);
    let created = Message {
        id,
        text: message.text,
    };
    if let Err(err) = socket
        .within(message.room_id)
        .emit(MESSAGE_CREATED, &created)
        .await
    {
        tracing::warn!(%err, "broadcast failed");
    }
    ack.send(&created).ok();
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt::init();
    let (layer, io) = SocketIo::builder()
        .with_state(Counter::default())
        .build_layer();
    io.ns("/", on_connect);
    io.ns("/admin", admin::on_connect);
    tokio::spawn(admin::publish_stats(io.clone()));

    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
