use std::collections::HashMap;

use super::Context;
pub(super) use crate::catalog::HANDLER_REPLACED as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::{ListenMethod, Side};
use crate::graph::HandlerSite;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // One socket is one registering function run for one namespace. Registrations in
    // a branch or loop may be alternatives, so only unconditional ones count.
    let mut first: HashMap<_, &HandlerSite> = HashMap::new();
    let mut handlers: Vec<&HandlerSite> = cx
        .graph
        .handlers
        .iter()
        .filter(|h| {
            h.confident
                && h.side == Side::Server
                && h.method == ListenMethod::On
                && !h.conditional
                && h.frame.is_some()
                && cx.is_rust(h.file)
        })
        .collect();
    handlers.sort_by_key(|h| (h.file, h.span.start));
    for handler in handlers {
        let Some(name) = handler.event.name() else {
            continue;
        };
        let key = (handler.file, handler.frame, handler.ns.clone(), name);
        let Some(earlier) = first.get(&key) else {
            first.insert(key, handler);
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                handler.file,
                handler.span,
                format!(
                    "\"{name}\" is already handled on this socket ({}): socketioxide keeps one handler per event, so this one silently replaces it and the first never runs",
                    cx.location(earlier.file, earlier.span)
                ),
            )
            .event(&handler.ns, name)
            .label(earlier.file, earlier.span, "replaced by the registration below: this handler never runs")
            .help("register each event once and do both things in that handler"),
        );
    }
}
