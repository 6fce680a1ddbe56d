use std::time::Duration;

use serde::Deserialize;
use socketioxide::{
    extract::{AckSender, Data, SocketRef},
    SocketIo,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Kick {
    user_id: String,
}

pub async fn on_connect(socket: SocketRef) {
    socket.on(
        "user:kick",
        async |io: SocketIo, Data(kick): Data<Kick>, ack: AckSender| {
            let Ok(sid) = kick.user_id.parse() else {
                ack.send(&false).ok();
                return;
            };
            match io.get_socket(sid) {
                Some(target) => {
                    target.disconnect().ok();
                    ack.send(&true).ok();
                }
                None => {
                    ack.send(&false).ok();
                }
            }
        },
    );
}

/// Every ten seconds, the number of connected chat users to the admin dashboards.
pub async fn publish_stats(io: SocketIo) {
    let mut interval = tokio::time::interval(Duration::from_secs(10));
    loop {
        interval.tick().await;
        let users = io.sockets().len();
        if let Some(admin) = io.of("/admin") {
            admin
                .emit("stats", &serde_json::json!({ "users": users }))
                .await
                .ok();
        }
    }
}
