// fires: the handler registered in main.rs lives here, and an empty message returns before `ack.send`
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use socketioxide::extract::{AckSender, Data, State};

use crate::db;

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

pub async fn on_message(Data(message): Data<NewMessage>, ack: AckSender, State(db): State<Arc<db::Pool>>) {
    if message.text.is_empty() {
        return;
    }
    match db.insert(&message.room_id, &message.text).await {
        Ok(id) => ack.send(&Saved { id }).ok(),
        Err(err) => ack.send(&err.to_string()).ok(),
    };
}
