use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::facts::Calls;
use crate::graph::HandlerSite;

pub const RULE: Rule = Rule {
    id: "ack-missing",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an emit waits for an ack that no matching handler ever calls",
    doc: include_str!("../../rules/ack-missing.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph.emits.iter().filter(|e| e.confident && e.ack) {
        let Some(name) = emit.event.name() else {
            continue;
        };
        // Any handler we cannot see into (a guess, a catch-all) may answer.
        if graph.handlers.iter().any(|h| {
            h.side == emit.side.other()
                && h.ns.matches(&emit.ns)
                && (!h.confident || h.is_wildcard())
        }) {
            continue;
        }
        let receivers: Vec<_> = graph.receivers(emit).collect();
        if receivers.is_empty() {
            continue;
        }
        let answers = |h: &&crate::graph::HandlerSite| {
            h.ack
                .as_ref()
                .is_some_and(|ack| ack.summary.calls != Calls::Never)
                || h.params.as_ref().is_none_or(|p| p.rest)
        };
        if receivers.iter().any(answers) {
            continue;
        }
        let (waiter, answerer) = match emit.side {
            crate::facts::Side::Client => ("the client", "server"),
            crate::facts::Side::Server => ("the server", "client"),
        };
        let consequence = if emit.timeout {
            "the ack callback fails with a timeout error every time"
        } else {
            "the ack callback never runs, so the caller waits forever (a message stays at \"sending...\")"
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            emit.file,
            emit.span,
            format!(
                "{waiter} waits for an ack on \"{name}\" but no {answerer} handler ever calls it: {consequence}"
            ),
        )
        .event(&emit.ns, name)
        .help("take the ack as the handler's last parameter and call it on every path, e.g. `(data, callback) => { ...; callback({ ok: true }) }`");
        for handler in &receivers {
            let label = match &handler.ack {
                Some(ack) => format!("`{}` is never called in this handler", ack.name),
                None => "this handler takes no ack parameter".to_owned(),
            };
            diagnostic = diagnostic.label(handler.file, handler.span, label);
        }
        let fix = add_ack(cx, &receivers);
        out.push(diagnostic.fix(fix));
    }
}

/// Adds the ack parameter where it is missing and calls it: with the entity the handler
/// saved (`const saved = await ...`), or at the end of the body.
fn add_ack(cx: &Context, handlers: &[&HandlerSite]) -> Option<Fix> {
    let mut edits = Vec::new();
    for handler in handlers {
        let shape = handler.shape.as_ref()?;
        let body = shape.body?;
        let name = match &handler.ack {
            Some(ack) => ack.name.clone(),
            None => {
                let params = shape
                    .params
                    .and_then(|p| cx.text(handler.file)?.get(p.start as usize..p.end as usize))
                    .unwrap_or("");
                let name = if params.contains("callback") {
                    "ack"
                } else {
                    "callback"
                };
                // Typed parameters get a typed ack, so strict TypeScript still compiles.
                let typed = params.contains(':')
                    && cx.files[handler.file].path.extension().is_some_and(|ext| {
                        matches!(ext.to_str(), Some("ts" | "tsx" | "mts" | "cts"))
                    });
                let param = if typed {
                    format!("{name}: (response?: unknown) => void")
                } else {
                    name.to_owned()
                };
                edits.push(cx.add_param(handler.file, shape, &param)?);
                name.to_owned()
            }
        };
        let call = match cx.last_awaited_binding(handler.file, body) {
            Some((saved, statement)) => {
                cx.statement_after(handler.file, statement, &format!("{name}({saved});"))?
            }
            None => cx.append_statement(handler.file, body, &format!("{name}({{ ok: true }});"))?,
        };
        edits.push(call);
    }
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: "take the ack parameter and call it when the work is done".to_owned(),
        edits,
    })
}
