use super::Context;
pub(super) use crate::catalog::BROADCAST_EXCLUDES_SENDER as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::Side;
use crate::facts::Span;
use crate::graph::EmitSite;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for relay in graph
        .emits
        .iter()
        .filter(|e| e.confident && e.side == Side::Server && e.excludes_sender)
    {
        let Some(name) = relay.event.name() else {
            continue;
        };
        // Some other server emit that reaches the sender too makes the echo arrive.
        if graph
            .emits_named(relay.app, relay.transport, Side::Server, name)
            .any(|e| !e.excludes_sender && e.ns.matches(&relay.ns))
        {
            continue;
        }
        // A client file that emits the event and listens for it, matching the sender's
        // own pending ids, waits for its echo (a typing indicator that skips the sender
        // is by design).
        let waiting = graph
            .handlers_named(relay.app, relay.transport, Side::Client, name)
            .find(|h| {
                h.confident
                    && h.matches_own_id
                    && h.ns.matches(&relay.ns)
                    && graph
                        .emits_named(relay.app, relay.transport, Side::Client, name)
                        .any(|e| e.confident && e.file == h.file)
            });
        let Some(waiting) = waiting else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                relay.file,
                relay.span,
                format!(
                    "\"{name}\" is relayed with `socket.broadcast`/`socket.to(room)`, which skips the sender, but the sending client waits for it to come back ({}): its own message never arrives",
                    cx.location(waiting.file, waiting.span)
                ),
            )
            .event(&relay.ns, name)
            .label(waiting.file, waiting.span, "the sender listens for its own event here")
            .help("emit to the whole room with `io.to(room).emit(...)`, or acknowledge the sender with an ack")
            .fix(through_io(cx, relay)),
        );
    }
}

/// `socket.to(room).emit` → `io.to(room).emit`, `socket.broadcast.emit` → `io.emit`,
/// when `io` is the server of that namespace where the relay is written.
fn through_io(cx: &Context, relay: &EmitSite) -> Option<Fix> {
    if !relay.io_in_scope {
        return None;
    }
    let text = cx.text(relay.file)?;
    let head = text.get(relay.span.start as usize..relay.name_span.start as usize)?;
    let root_len = head
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .filter(|len| *len > 0)?;
    let rest = &head[root_len..];
    let replaced = if rest.starts_with(".broadcast.") {
        root_len + ".broadcast".len()
    } else if rest.starts_with(".to(") || rest.starts_with(".in(") {
        root_len
    } else {
        return None;
    };
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: "emit through the server so the sender receives it too".to_owned(),
        edits: vec![Edit {
            file: relay.file,
            span: Span::new(relay.span.start, relay.span.start + replaced as u32),
            replacement: "io".to_owned(),
        }],
    })
}
