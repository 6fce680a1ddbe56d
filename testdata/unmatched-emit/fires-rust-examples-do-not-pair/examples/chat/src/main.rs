use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

async fn on_connect(socket: SocketRef) {
    socket.on("message", async |socket: SocketRef, Data(text): Data<String>| {
        socket.broadcast().emit("message", &text).await.ok();
    });
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3001").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
