use super::Context;
pub(super) use crate::catalog::RESERVED_EVENT as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Side;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for emit in &cx.graph.emits {
        let Some(name) = emit.event.name() else {
            continue;
        };
        if !emit.confident || !emit.transport.is_reserved_event(name) {
            continue;
        }
        // The Rust libraries send the name as an ordinary event; the JS end then takes
        // it for its own lifecycle event.
        let message = match (cx.is_rust(emit.file), emit.side) {
            (true, Side::Server) => format!(
                "\"{name}\" is a reserved event name: socketioxide sends it anyway, and a JS client hands it to its own `{name}` listeners as if the connection had changed"
            ),
            (true, Side::Client) => format!(
                "\"{name}\" is a reserved event name: rust_socketio sends it anyway, and a socket.io server hands it to its own `{name}` listeners with made-up arguments"
            ),
            (false, _) => format!(
                "\"{name}\" is a reserved event name: this emit throws `Error('\"{name}\" is a reserved event name')` at runtime and nothing is sent"
            ),
        };
        out.push(
            Diagnostic::new(&RULE, emit.file, emit.span, message)
                .event(&emit.ns, name)
                .help(format!(
                    "give the event an application name, e.g. \"app:{name}\", on both ends"
                )),
        );
    }
}
