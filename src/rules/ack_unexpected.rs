use super::Context;
pub(super) use crate::catalog::ACK_UNEXPECTED as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::Span;
use crate::facts::{Calls, EmitMethod};
use crate::graph::FileId;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for handler in graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.transport.acks_by_callback())
    {
        let (Some(ack), Some(name)) = (&handler.ack, handler.event.name()) else {
            continue;
        };
        // A NestJS handler's reply goes out only when the client asked for one.
        if ack.summary.calls != Calls::All || ack.summary.guarded || ack.nest.is_some() {
            continue;
        }
        let without: Vec<_> = graph
            .senders(handler)
            .filter(|e| {
                e.confident
                    && !e.ack
                    && e.ack_known
                    && !e.retried
                    && e.method != EmitMethod::EmitWithAck
            })
            .collect();
        if without.is_empty() {
            continue;
        }
        let cb = &ack.name;
        let at = ack
            .summary
            .call_spans
            .first()
            .copied()
            .map_or((handler.file, handler.span), |call| {
                (handler.ack_file, call)
            });
        let mut diagnostic = Diagnostic::new(
            &RULE,
            at.0,
            at.1,
            format!(
                "\"{name}\" is also emitted without an ack ({}), so `{cb}(...)` throws \"{cb} is not a function\" there and the handler fails",
                cx.location(without[0].file, without[0].span)
            ),
        )
        .event(&handler.ns, name)
        .help(format!(
            "guard the call with `if (typeof {cb} === \"function\")`, or pass an ack callback from every emitter"
        ));
        for emit in without {
            diagnostic =
                diagnostic.label(emit.file, emit.span, "emitted here without an ack callback");
        }
        let fix = guard(cx, handler.ack_file, &ack.summary.direct_spans, cb);
        out.push(diagnostic.fix(fix));
    }
}

/// `cb(x)` → `if (typeof cb === "function") cb(x)` as a statement, or a guarded
/// expression elsewhere: nothing changes when an ack is passed.
fn guard(cx: &Context, file: FileId, calls: &[Span], cb: &str) -> Option<Fix> {
    let text = cx.text(file)?;
    let mut edits = Vec::new();
    for call in calls {
        let before = text
            .get(..call.start as usize)?
            .trim_end_matches([' ', '\t']);
        let statement = before.is_empty() || before.ends_with(['\n', '{', ';', '}']);
        let code = text.get(call.start as usize..call.end as usize)?;
        let replacement = if statement {
            format!("if (typeof {cb} === \"function\") {code}")
        } else {
            format!("(typeof {cb} === \"function\" && {code})")
        };
        edits.push(Edit {
            file,
            span: *call,
            replacement,
        });
    }
    // Which emitters pass no ack is read from code the analysis may not see whole (a
    // wrapper, a spread): the guard is offered, never applied unasked.
    (!edits.is_empty()).then(|| Fix {
        applicability: Applicability::Suggestion,
        description: format!("call `{cb}` only when the emitter passed an ack"),
        edits,
    })
}
