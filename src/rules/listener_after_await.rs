use std::collections::HashSet;

use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "listener-after-await",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a connection handler registers listeners after an `await`, so early events are lost",
    doc: include_str!("../../rules/listener-after-await.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // One finding per connection handler: the first late registration.
    let mut seen = HashSet::new();
    for handler in cx.graph.handlers.iter().filter(|h| h.confident) {
        let Some(await_span) = handler.after_await else {
            continue;
        };
        if !seen.insert((handler.file, await_span)) {
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
