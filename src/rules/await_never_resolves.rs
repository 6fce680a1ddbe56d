use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::facts::MissingKind;
use crate::facts::{Calls, EmitMethod, Side};
use crate::graph::PromiseSite;

pub const RULE: Rule = Rule {
    id: "await-never-resolves",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an awaited ack or promise can stay pending forever",
    doc: include_str!("../../rules/await-never-resolves.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph
        .emits
        .iter()
        .filter(|e| e.confident && e.awaited && e.ack && !e.timeout)
    {
        let Some(name) = emit.event.name() else {
            continue;
        };
        let receivers: Vec<_> = graph.receivers(emit).filter(|h| h.confident).collect();
        if receivers.is_empty() {
            continue;
        }
        let failing: Vec<_> = receivers
            .iter()
            .filter(|h| match &h.ack {
                Some(ack) => matches!(ack.summary.calls, Calls::Some | Calls::Never),
                None => h.params.as_ref().is_some_and(|p| !p.rest),
            })
            .collect();
        // `emitWithAck` on the client rejects when the connection drops; a plain callback
        // wrapped in a promise is never called then, and a server never clears its acks.
        let with_ack = emit.method == EmitMethod::EmitWithAck;
        let mut diagnostic = if failing.is_empty() {
            let when = match (emit.side, with_ack) {
                (Side::Client, true) => {
                    "if the server never answers (a crash or restart mid-handler), it waits until the connection drops"
                }
                (Side::Client, false) => {
                    "if the server never answers (a crash or restart mid-handler), the callback never runs, not even on disconnect, so the promise never settles"
                }
                (Side::Server, _) => "if the connection drops before the ack, it never settles",
            };
            Diagnostic::new(
                &RULE,
                emit.file,
                emit.span,
                format!("this awaits the ack of \"{name}\" without a timeout: {when}"),
            )
            .severity(Severity::Info)
        } else {
            let mut diagnostic = Diagnostic::new(
                &RULE,
                emit.file,
                emit.span,
                format!(
                    "this awaits the ack of \"{name}\" without a timeout, and the handler can finish without acking: {}",
                    if with_ack {
                        cx.unanswered_ack(emit)
                    } else {
                        "the ack callback never runs, not even on disconnect, so the promise waiting on it stays pending and the code after it never runs"
                    }
                ),
            );
            for handler in failing {
                let label = match &handler.ack {
                    Some(ack) if ack.summary.calls == Calls::Never => {
                        format!("never calls `{}`", ack.name)
                    }
                    Some(ack) => format!("does not call `{}` on every path", ack.name),
                    None => "takes no ack parameter".to_owned(),
                };
                diagnostic = diagnostic.label(handler.file, handler.span, label);
            }
            diagnostic
        };
        let fix = cx
            .insert_before_method(emit.file, emit.span, "emitWithAck", ".timeout(10_000)")
            .map(|edit| Fix {
                applicability: Applicability::Suggestion,
                description:
                    "reject after 10 s instead of waiting forever (the promise may now reject)"
                        .to_owned(),
                edits: vec![edit],
            });
        let help = if with_ack {
            "add a timeout: `await socket.timeout(10_000).emitWithAck(...)` inside try/catch"
        } else {
            "settle on a timeout too: `socket.timeout(10_000).emit(..., (err, res) => (err ? reject(err) : resolve(res)))`, or `await socket.timeout(10_000).emitWithAck(...)` inside try/catch"
        };
        diagnostic = diagnostic.event(&emit.ns, name).help(help).fix(fix);
        out.push(diagnostic);
    }
    for promise in &graph.promises {
        let mut diagnostic = Diagnostic::new(
            &RULE,
            promise.file,
            promise.span,
            "this promise can stay pending forever: a path through its executor calls neither `resolve` nor `reject`, so whoever awaits it never continues",
        )
        .help("call `reject(...)` (or `resolve(...)`) on every path, e.g. add the missing `else reject(new Error(...))`");
        for missing in &promise.summary.missing {
            diagnostic = diagnostic.label(
                promise.file,
                missing.span,
                cx.missing_label(promise.file, missing, "resolve` or `reject"),
            );
        }
        out.push(diagnostic.fix(reject_at_ends(cx, promise)));
    }
}

/// Ends every path that settles nothing with `reject(...)`. A promise already resolved
/// ignores a later `reject`, so the added call only changes the paths that missed.
fn reject_at_ends(cx: &Context, promise: &PromiseSite) -> Option<Fix> {
    let reject = promise.reject_name.as_deref()?;
    let text = cx.text(promise.file)?;
    let mut edits = Vec::new();
    for missing in &promise.summary.missing {
        if missing.kind != MissingKind::End
            || text.as_bytes().get(missing.span.start as usize) != Some(&b'}')
        {
            return None;
        }
        let open = text[..missing.span.start as usize].rfind('{')? as u32;
        edits.push(cx.before_brace(
            promise.file,
            open,
            missing.span.start,
            &format!(
                "{reject}(new Error({}));",
                cx.string_literal(promise.file, "not settled")
            ),
        )?);
    }
    (!edits.is_empty()).then(|| Fix {
        applicability: Applicability::Suggestion,
        description: format!("call `{reject}` on the paths that settle nothing"),
        edits,
    })
}
