// fires: `db.insert(..).await?` returns the error before `ack.send`, so the web client waits forever when the insert fails
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use socketioxide::{
    extract::{AckSender, Data, SocketRef, State},
    SocketIo,
};

mod db;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewMessage {
    pub room_id: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct Saved {
    id: i64,
}

async fn save_message(db: &db::Pool, message: NewMessage, ack: AckSender) -> Result<(), db::Error> {
    let id = db.insert(&message.room_id, &message.text).await?;
    ack.send(&Saved { id }).ok();
    Ok(())
}

async fn on_connect(socket: SocketRef) {
    socket.on(
        "message:new",
        async |Data(message): Data<NewMessage>, ack: AckSender, State(db): State<Arc<db::Pool>>| {
            if let Err(err) = save_message(&db, message, ack).await {
                tracing::error!(%err, "could not save the message");
            }
        },
    );
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
