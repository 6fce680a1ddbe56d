use super::Context;
pub(super) use crate::catalog::MANAGER_EVENT_ON_SOCKET as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{Side, Span};
use crate::graph::{HandlerSite, Presence};

/// The events socket.io-client 2.x emitted on every Socket and that, since 3.0, only the
/// Manager emits; with the event a v3+ Manager emits in their place.
const MANAGER_EVENTS: &[(&str, &str)] = &[
    ("ping", "ping"),
    ("reconnect", "reconnect"),
    ("reconnect_attempt", "reconnect_attempt"),
    ("reconnect_error", "reconnect_error"),
    ("reconnect_failed", "reconnect_failed"),
    // Gone in 3.0: `reconnect_attempt` is emitted at the same moment, with the attempt
    // number.
    ("reconnecting", "reconnect_attempt"),
];

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for handler in &cx.graph.handlers {
        // Only a socket known to be a socket.io-client Socket: rust_socketio has its
        // own reconnection API, and a guessed receiver may be anything.
        if handler.side != Side::Client
            || !handler.confident
            || !handler.transport.has_manager_events()
            || cx.is_rust(handler.file)
        {
            continue;
        }
        let Some(name) = handler.event.name() else {
            continue;
        };
        let Some(&(_, manager_event)) = MANAGER_EVENTS.iter().find(|(event, _)| *event == name)
        else {
            continue;
        };
        // The names are free for applications since 3.0: a server that emits "ping"
        // itself is heard by this listener. "ping" is a plausible application event, so
        // without the server's code to tell, it is left alone.
        if cx
            .graph
            .emits_named(handler.app, handler.transport, Side::Server, name)
            .any(|emit| emit.ns.matches(&handler.ns))
            || (name == "ping"
                && cx
                    .graph
                    .presence(handler.app, handler.transport, Side::Server)
                    != Presence::Certain)
        {
            continue;
        }
        // 1.x and 2.x emit these on the Socket too; an unknown version is today's.
        if cx.files[handler.file]
            .socketio_major
            .is_some_and(|major| major < 3)
        {
            continue;
        }
        let message = if manager_event == name {
            format!(
                "since socket.io-client 3, \"{name}\" is emitted by the Manager (`socket.io`), not by the Socket: this listener never runs"
            )
        } else {
            format!(
                "socket.io-client 3 removed \"{name}\"; the Manager (`socket.io`) emits \"{manager_event}\" instead: this listener never runs"
            )
        };
        out.push(
            Diagnostic::new(&RULE, handler.file, handler.span, message)
                .event(&handler.ns, name)
                .help(format!(
                    "listen on the Manager: `socket.io.on(\"{manager_event}\", ...)`"
                ))
                .fix(on_manager(cx, handler, name, manager_event)),
        );
    }
}

/// `socket.on("reconnect", f)` → `socket.io.on("reconnect", f)` (and the new name for
/// an event 3.0 renamed), when the call is written `<receiver>.on(` / `.once(`.
fn on_manager(cx: &Context, handler: &HandlerSite, name: &str, manager_event: &str) -> Option<Fix> {
    let text = cx.text(handler.file)?;
    let head = text.get(handler.span.start as usize..handler.name_span.start as usize)?;
    let call = head.trim_end().strip_suffix('(')?.trim_end();
    let method = ["once", "on"]
        .into_iter()
        .find(|method| call.ends_with(&format!(".{method}")))?;
    let dot = call.len() - method.len() - 1;
    // `socket?.on(`: the Manager goes after the receiver, before `?.`.
    let receiver_end = if call[..dot].ends_with('?') {
        dot - 1
    } else {
        dot
    };
    if receiver_end == 0 {
        return None;
    }
    let at = handler.span.start + receiver_end as u32;
    let mut edits = vec![Edit {
        file: handler.file,
        span: Span::new(at, at),
        replacement: ".io".to_owned(),
    }];
    if manager_event != name {
        edits.push(Edit {
            file: handler.file,
            span: handler.name_span,
            replacement: cx.string_literal(handler.file, manager_event),
        });
    }
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: format!("listen for \"{manager_event}\" on the Manager, `socket.io`"),
        edits,
    })
}
