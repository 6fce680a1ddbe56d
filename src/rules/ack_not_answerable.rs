use super::Context;
pub(super) use crate::catalog::ACK_NOT_ANSWERABLE as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Side;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph
        .emits
        .iter()
        .filter(|e| e.confident && e.ack && e.side == Side::Server)
        .filter(|e| e.transport.acks_by_callback())
    {
        let Some(name) = emit.event.name() else {
            continue;
        };
        // rust_socketio 0.6 ignores the ack id of incoming events: its callbacks get no
        // way to answer, whatever they do.
        let rust_clients: Vec<_> = graph
            .handlers
            .iter()
            .filter(|h| {
                h.confident
                    && h.side == Side::Client
                    && h.ns.matches(&emit.ns)
                    && (h.is_wildcard() || h.event == emit.event)
                    && cx.is_rust(h.file)
            })
            .collect();
        if rust_clients.is_empty() {
            continue;
        }
        let consequence = if emit.timeout {
            "the server's ack times out every time"
        } else {
            "the server's ack callback never runs"
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            emit.file,
            emit.span,
            format!(
                "\"{name}\" asks for an ack, but a rust_socketio client receives it and rust_socketio cannot answer acks: {consequence}"
            ),
        )
        .event(&emit.ns, name)
        .help("emit without an ack and have the client reply with an event of its own (e.g. \"x:done\")");
        for handler in rust_clients {
            diagnostic = diagnostic.label(
                handler.file,
                handler.span,
                "a rust_socketio handler: it gets no ack to call",
            );
        }
        out.push(diagnostic);
    }
}
