use futures_util::FutureExt;
use rust_socketio::{
    asynchronous::{Client, ClientBuilder},
    Payload,
};

#[tokio::main]
async fn main() {
    let _client = ClientBuilder::new("http://localhost:3000")
        .on("ping", |payload: Payload, _client: Client| {
            async move {
                println!("pinged: {payload:?}");
            }
            .boxed()
        })
        .connect()
        .await
        .expect("connection failed");
    tokio::signal::ctrl_c().await.ok();
}
