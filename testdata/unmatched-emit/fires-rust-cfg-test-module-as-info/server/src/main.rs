// fires: a `#[cfg(test)]` helper emits "probe:unknown" on purpose: test code, so its finding is info
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

async fn on_connect(socket: SocketRef) {
    socket.on("ping", async |socket: SocketRef, Data(sent): Data<u64>| {
        socket.emit("pong", &sent).ok();
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

#[cfg(test)]
mod tests {
    use socketioxide::extract::SocketRef;

    /// Sends an event no client knows, to check that clients ignore it.
    fn probe(socket: SocketRef) {
        socket.emit("probe:unknown", &()).ok();
    }
}
