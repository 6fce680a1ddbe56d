//! Event names of the chat namespace, shared by the handlers.

pub const ROOM_JOIN: &str = "room:join";
pub const MESSAGE_NEW: &str = "message:new";
pub const MESSAGE_CREATED: &str = "message:created";
pub const TYPING: &str = "typing";
