use std::collections::HashSet;

use super::Context;
pub(super) use crate::catalog::LISTENER_AFTER_AWAIT as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Value;
use crate::graph::HandlerSite;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // One finding per connection handler: the first late registration.
    let mut seen = HashSet::new();
    for handler in cx.graph.handlers.iter().filter(|h| h.confident) {
        let Some(await_span) = handler.after_await else {
            continue;
        };
        if server_led(cx, handler) || !seen.insert((handler.file, await_span)) {
            continue;
        }
        let name = handler.event.name().unwrap_or("this event");
        let mut diagnostic = Diagnostic::new(
            &RULE,
            handler.file,
            handler.span,
            format!(
                "\"{name}\" is registered after an `await` in the connection handler: events the client sends right after connecting arrive before the listener exists and are dropped"
            ),
        )
        .label(handler.file, await_span, "the connection handler waits here first")
        .help("register every `socket.on(...)` before the first `await`, and await inside the handlers");
        if let Some(name) = handler.event.name() {
            diagnostic = diagnostic.event(&handler.ns, name);
        }
        out.push(diagnostic);
    }
}

/// A server-led handshake: every client emit of the event runs in a listener of an
/// event that the connection handler emits only after registering this one
/// (`socket.emit("welcome")` after `socket.on("hello")`, and the client answers
/// "welcome" with "hello"). Such a client cannot send it before the listener exists.
fn server_led(cx: &Context, handler: &HandlerSite) -> bool {
    let Some(facts) = cx.files[handler.file]
        .facts
        .handlers
        .iter()
        .find(|h| h.span.start == handler.span.start)
    else {
        return false;
    };
    let emitted_after: Vec<&str> = facts
        .emitted_after
        .iter()
        .filter_map(Value::as_str)
        .collect();
    if emitted_after.is_empty() {
        return false;
    }
    let mut senders = cx.graph.senders(handler).filter(|e| e.confident).peekable();
    senders.peek().is_some()
        && senders.all(|emit| {
            cx.files[emit.file]
                .facts
                .emits
                .iter()
                .find(|e| e.span.start == emit.span.start)
                .and_then(|e| e.reply_to.as_ref())
                .and_then(Value::as_str)
                .is_some_and(|event| emitted_after.contains(&event))
        })
}
