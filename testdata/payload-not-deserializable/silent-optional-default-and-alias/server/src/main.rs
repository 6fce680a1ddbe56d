// silent: `displayName` also accepts the alias "name", the other fields are optional, and a spread payload is not judged
use serde::Deserialize;
use serde_json::Value;
use socketioxide::{
    extract::{AckSender, Data, SocketRef},
    SocketIo,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProfileUpdate {
    #[serde(alias = "name")]
    pub display_name: String,
    pub avatar_url: Option<String>,
    #[serde(default)]
    pub bio: String,
}

async fn on_connect(socket: SocketRef) {
    socket.on(
        "profile:update",
        async |Data(update): Data<ProfileUpdate>, ack: AckSender| {
            tracing::info!(?update, "profile updated");
            ack.send(&true).ok();
        },
    );
    socket.on("profile:report", async |Data(report): Data<Value>| {
        tracing::info!(%report, "reported");
    });
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
