use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{Calls, EmitMethod};

pub const RULE: Rule = Rule {
    id: "ack-unexpected",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a handler calls its ack unconditionally but some emitter passes no ack",
    doc: include_str!("../../rules/ack-unexpected.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for handler in graph.handlers.iter().filter(|h| h.confident) {
        let (Some(ack), Some(name)) = (&handler.ack, handler.event.name()) else {
            continue;
        };
        if ack.summary.calls != Calls::All || ack.summary.guarded {
            continue;
        }
        let without: Vec<_> = graph
            .senders(handler)
            .filter(|e| e.confident && !e.ack && e.ack_known && e.method != EmitMethod::EmitWithAck)
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
            .unwrap_or(handler.span);
        let mut diagnostic = Diagnostic::new(
            &RULE,
            handler.file,
            at,
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
        out.push(diagnostic);
    }
}
