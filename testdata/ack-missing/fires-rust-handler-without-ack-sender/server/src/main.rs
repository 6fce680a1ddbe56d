// fires: the web client waits for an ack on "message:new" but the socketioxide handler takes no `AckSender`
use serde::{Deserialize, Serialize};
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NewMessage {
    room_id: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct Message {
    id: u64,
    text: String,
}

async fn on_connect(socket: SocketRef) {
    socket.on(
        "message:new",
        async |socket: SocketRef, Data(message): Data<NewMessage>| {
            let created = Message {
                id: 1,
                text: message.text,
            };
            socket
                .within(message.room_id)
                .emit("message:created", &created)
                .await
                .ok();
        },
    );
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    axum::serve(listener, app).await?;
    Ok(())
}
