// fires: a private fn left over from the old protocol emits "pong:v1", which no client listens for, and nothing calls it: a warning "in code nothing calls"
use socketioxide::{
    extract::{Data, SocketRef},
    SocketIo,
};

async fn on_connect(socket: SocketRef) {
    socket.on("ping", async |socket: SocketRef, Data(sent): Data<u64>| {
        socket.emit("pong", &sent).ok();
    });
}

fn answer_v1(socket: &SocketRef, sent: u64) {
    socket.emit("pong:v1", &sent).ok();
}

#[tokio::main]
async fn main() {
    let (layer, io) = SocketIo::new_layer();
    io.ns("/", on_connect);
    let app = axum::Router::new().layer(layer);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
