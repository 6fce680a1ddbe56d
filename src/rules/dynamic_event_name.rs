use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::ListenMethod;
use crate::graph::Event;

pub const RULE: Rule = Rule {
    id: "dynamic-event-name",
    severity: Severity::Info,
    fix: FixAvailability::None,
    summary: "an event name cannot be resolved statically, so that site may match any name of its app and namespace",
    doc: include_str!("../../rules/dynamic-event-name.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let emits = graph
        .emits
        .iter()
        .filter(|e| e.confident && e.event == Event::Dynamic)
        .map(|e| (e.file, e.name_span, e.side, &e.ns, Kind::Emit));
    // A catch-all that only logs receives nothing in the graph's sense.
    let handlers = graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.is_wildcard())
        .map(|h| {
            let kind = if h.method == ListenMethod::Any {
                Kind::CatchAll
            } else {
                Kind::Handler
            };
            (h.file, h.name_span, h.side, &h.ns, kind)
        });
    let mut seen = std::collections::HashSet::new();
    for (file, span, side, ns, kind) in emits.chain(handlers) {
        // A site reached through several sockets is still one place in the code.
        if !seen.insert((file, span)) {
            continue;
        }
        let other = side.other().as_str();
        let clause = ns.clause();
        let message = match kind {
            Kind::Emit => format!(
                "the event name of this emit is computed at runtime: it may send any event, so no {other} handler of this app{clause} is reported as never emitted, and wirelint cannot check the name (other apps are not affected)"
            ),
            Kind::Handler => format!(
                "the event name of this handler is computed at runtime: it may receive any event, so no {other} emit of this app{clause} is reported as unhandled, and wirelint cannot check the name (other apps are not affected)"
            ),
            Kind::CatchAll => format!(
                "this catch-all handler receives every event: no {other} emit of this app{clause} is reported as unhandled, so a misspelt name goes unnoticed (other apps are not affected)"
            ),
        };
        out.push(Diagnostic::new(&RULE, file, span, message).help(help(kind)));
    }
}

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::CatchAll => {
            "handle the events by name, or keep the catch-all for logging only (a catch-all that only logs covers nothing)"
        }
        _ => {
            "use a string literal or a `const` (an `as const` object or a string enum works too) so both ends can be checked"
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Emit,
    Handler,
    CatchAll,
}
