use super::Context;
pub(super) use crate::catalog::LISTENER_REMOVED_GLOBALLY as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::Side;
use crate::facts::Span;
use crate::graph::Event;
use crate::graph::{HandlerSite, RemovalSite};

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for removal in graph.removals.iter().filter(|r| !r.has_listener) {
        let event = match &removal.event {
            Some(Event::Name(name)) => Some(name.as_str()),
            Some(Event::Dynamic) => continue,
            None => None,
        };
        let candidates: Vec<&HandlerSite> = match event {
            Some(name) => graph
                .handlers_named(removal.app, removal.transport, removal.side, name)
                .collect(),
            None => graph
                .handlers
                .iter()
                .filter(|h| h.side == removal.side && h.app == removal.app)
                .filter(|h| h.transport == removal.transport)
                .collect(),
        };
        // Listeners on the same socket: in files that can share the socket object with
        // the removal's (another frontend of the app has a socket of its own).
        let on_socket: Vec<_> = candidates
            .into_iter()
            .filter(|h| h.confident && h.ns.matches(&removal.ns))
            .filter(|h| graph.share_modules(h.file, removal.file))
            .collect();
        // What the removal takes from other modules. Listeners of its own file are the
        // ones a cleanup (`useEffect`'s return, `destroyed()`) means to remove.
        let others: Vec<_> = on_socket
            .iter()
            .copied()
            .filter(|h| h.file != removal.file)
            .collect();
        let message = match (removal.side, event, removal.remove_all) {
            (Side::Server, Some(name), false) => format!(
                "`off(\"{name}\")` without a listener throws `TypeError [ERR_INVALID_ARG_TYPE]` on the server: Node's EventEmitter requires the function to remove"
            ),
            (Side::Server, None, true) => "`removeAllListeners()` removes every listener of this socket, including socket.io's own `error` guard, so the next error crashes the process".to_owned(),
            (_, Some(name), _) => {
                if others.is_empty() {
                    continue;
                }
                format!(
                    "this removes every \"{name}\" listener on the socket, including the ones other modules registered: they stop receiving the event"
                )
            }
            (_, None, _) => {
                if others.is_empty() {
                    continue;
                }
                "this removes every listener of every event on the socket, `connect` and `disconnect` included".to_owned()
            }
        };
        let mut diagnostic = Diagnostic::new(&RULE, removal.file, removal.span, message)
            .help("pass the handler you registered: `socket.off(\"event\", handler)`");
        if let Some(name) = event {
            diagnostic = diagnostic.event(&removal.ns, name);
        }
        let fix = event.and_then(|_| pass_listener(cx, removal, &on_socket));
        for handler in others.into_iter().take(8) {
            diagnostic =
                diagnostic.label(handler.file, handler.span, "this listener is removed too");
        }
        out.push(diagnostic.fix(fix));
    }
}

/// `off("ev")` → `off("ev", onEv)` when exactly one named listener of that event is
/// registered in this file where the removal can see it.
fn pass_listener(cx: &Context, removal: &RemovalSite, handlers: &[&HandlerSite]) -> Option<Fix> {
    let mut names: Vec<&str> = handlers
        .iter()
        .filter(|h| h.file == removal.file)
        .filter(|h| h.frame.is_none_or(|frame| removal.frames.contains(&frame)))
        .filter_map(|h| h.listener_name.as_deref())
        .collect();
    names.sort_unstable();
    names.dedup();
    let [name] = names.as_slice() else {
        return None;
    };
    let text = cx.text(removal.file)?;
    let close = removal.span.end.checked_sub(1)?;
    if text.as_bytes().get(close as usize) != Some(&b')') {
        return None;
    }
    Some(Fix {
        applicability: Applicability::Safe,
        description: format!("remove only `{name}`"),
        edits: vec![Edit {
            file: removal.file,
            span: Span::new(close, close),
            replacement: format!(", {name}"),
        }],
    })
}
