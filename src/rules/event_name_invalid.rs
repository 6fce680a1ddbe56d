//! `event-name-invalid`: a Tauri event name with a character Tauri refuses (anything
//! but alphanumerics, `-`, `/`, `:`, `_`): Rust's `emit`/`listen` panic, the JS calls
//! reject.

use super::Context;
pub(super) use crate::catalog::EVENT_NAME_INVALID as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Span;
use crate::graph::{FileId, Ns};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let emits = graph
        .emits
        .iter()
        .map(|e| (e.transport, e.file, e.span, &e.ns, &e.event));
    let handlers = graph
        .handlers
        .iter()
        .map(|h| (h.transport, h.file, h.span, &h.ns, &h.event));
    let mut seen: Vec<(FileId, Span)> = Vec::new();
    for (transport, file, span, ns, event) in emits.chain(handlers) {
        let Some(name) = event.name() else {
            continue;
        };
        if !transport.is_invalid_name(name) || seen.contains(&(file, span)) {
            continue;
        }
        seen.push((file, span));
        out.push(diagnostic(cx, transport, file, span, ns, name));
    }
}

fn diagnostic(
    cx: &Context,
    transport: Transport,
    file: FileId,
    span: Span,
    ns: &Ns,
    name: &str,
) -> Diagnostic {
    let bad: String = name
        .chars()
        .filter(|c| !(c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '_')))
        .fold(String::new(), |mut bad, c| {
            if !bad.contains(c) {
                bad.push(c);
            }
            bad
        });
    let consequence = if cx.is_rust(file) {
        "this call panics"
    } else {
        "this call's promise rejects"
    };
    let fixed: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    Diagnostic::new(
        &RULE,
        file,
        span,
        format!(
            "\"{name}\" is not a valid {} name: {bad:?} is not allowed (only alphanumerics, `-`, `/`, `:` and `_`), so {consequence}",
            transport.name(),
        ),
    )
    .event(ns, name)
    .help(format!("rename the event on every end, e.g. \"{fixed}\""))
}
