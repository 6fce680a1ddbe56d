use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::ListenMethod;
use crate::graph::Event;

pub const RULE: Rule = Rule {
    id: "dynamic-event-name",
    severity: Severity::Info,
    fix: FixAvailability::None,
    summary: "an event name cannot be resolved statically, so that site is left out of matching",
    doc: include_str!("../../rules/dynamic-event-name.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let emits = graph
        .emits
        .iter()
        .filter(|e| e.confident && e.event == Event::Dynamic)
        .map(|e| (e.file, e.name_span, "emit", "handler"));
    let handlers = graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.event == Event::Dynamic && h.method != ListenMethod::Any)
        .map(|h| (h.file, h.name_span, "handler", "emit"));
    let mut seen = std::collections::HashSet::new();
    for (file, span, what, other) in emits.chain(handlers) {
        // A site reached through several sockets is still one place in the code.
        if !seen.insert((file, span)) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                file,
                span,
                format!(
                    "this event name is computed at runtime, so this {what} is matched against every {other}: wirelint cannot check it and stays quiet about the events it might cover"
                ),
            )
            .help("use a string literal or a `const` (an `as const` object or a string enum works too) so both ends can be checked"),
        );
    }
}
