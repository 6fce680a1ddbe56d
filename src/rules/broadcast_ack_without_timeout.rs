use super::Context;
pub(super) use crate::catalog::BROADCAST_ACK_WITHOUT_TIMEOUT as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::facts::Side;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for emit in cx
        .graph
        .emits
        .iter()
        .filter(|e| e.confident && e.side == Side::Server && e.broadcast && e.ack && !e.timeout)
        .filter(|e| e.transport.acks_by_callback())
    {
        let Some(name) = emit.event.name() else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                emit.file,
                emit.span,
                format!(
                    "this broadcast of \"{name}\" asks for acks without `.timeout(ms)`: Socket.IO then has no delay to wait, so the callback fires at once with a timeout error and the clients' answers are lost"
                ),
            )
            .event(&emit.ns, name)
            .help("insert `.timeout(10_000)` before `.emit(...)`; the callback becomes `(err, responses) => ...`")
            .fix(
                cx.insert_before_method(emit.file, emit.span, "emit", ".timeout(10_000)")
                    .or_else(|| {
                        cx.insert_before_method(emit.file, emit.span, "emitWithAck", ".timeout(10_000)")
                    })
                    .map(|edit| Fix {
                        applicability: Applicability::Suggestion,
                        description: "wait at most 10 s for the acks".to_owned(),
                        edits: vec![edit],
                    }),
            ),
        );
    }
}
