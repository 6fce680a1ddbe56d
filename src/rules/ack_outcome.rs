//! What an emitter sees when the ack it asked for never comes. It differs per library
//! and per call (see the API reference the rules are checked against), and several rules
//! say it, so it is written once here:
//! - socket.io-client: a plain callback is never called, not even on disconnect (only
//!   error-first acks hear of it); `emitWithAck` rejects when the connection drops.
//! - socket.io (server): pending acks are not cleared on disconnect: without a timeout
//!   the callback never runs and `emitWithAck` never settles.
//! - with `.timeout(ms)` (or the client's `ackTimeout`): a timeout error.
//! - socketioxide: every ack is bounded (5 s unless configured): a timeout error.
//! - rust_socketio: the timeout is required, but on expiry nothing is called.

use super::Context;
use crate::facts::{EmitMethod, Side};
use crate::graph::EmitSite;

impl Context<'_> {
    /// The consequence, for a message: "the ack callback never runs, ...".
    pub fn unanswered_ack(&self, emit: &EmitSite) -> &'static str {
        let with_ack = emit.method == EmitMethod::EmitWithAck;
        if self.is_rust(emit.file) {
            return match emit.side {
                Side::Client => {
                    "the ack callback never runs: rust_socketio drops an ack silently when its timeout expires, with no error"
                }
                Side::Server => {
                    "the ack stream yields a timeout error (socketioxide waits 5 s unless configured)"
                }
            };
        }
        match (emit.timeout, emit.side, with_ack) {
            (true, _, true) => "`emitWithAck` rejects with a timeout error",
            (true, _, false) => "the ack callback gets a timeout error",
            (false, Side::Client, true) => {
                "`emitWithAck` stays pending until the connection drops, and the code after it waits that long"
            }
            (false, Side::Client, false) => {
                "the ack callback never runs, not even on disconnect, so the caller waits forever"
            }
            (false, Side::Server, true) => {
                "`emitWithAck` never settles, not even on disconnect, so the code after it never runs"
            }
            (false, Side::Server, false) => {
                "the ack callback never runs, not even on disconnect, so the caller waits forever"
            }
        }
    }
}
