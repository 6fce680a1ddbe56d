use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::EmitMethod;

pub const RULE: Rule = Rule {
    id: "arity-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "an emit sends a different number of arguments than the handler declares before its ack",
    doc: include_str!("../../rules/arity-mismatch.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph.emits.iter().filter(|e| e.confident && e.ack) {
        let (Some(sent), Some(name)) = (emit.args, emit.event.name()) else {
            continue;
        };
        for handler in graph.receivers(emit).filter(|h| h.confident) {
            let (Some(ack), Some(declared)) = (&handler.ack, handler.payload_params()) else {
                continue;
            };
            if sent == declared {
                continue;
            }
            let plural = |n: u32| if n == 1 { "argument" } else { "arguments" };
            let landing = if sent < declared {
                "the ack function lands in an earlier parameter"
            } else {
                "a payload value lands where the ack should be"
            };
            let how = if emit.method == EmitMethod::EmitWithAck {
                "`emitWithAck`"
            } else {
                "the emit"
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    emit.file,
                    emit.span,
                    format!(
                        "{how} sends {sent} payload {} but the handler declares {declared} before `{}`: {landing}, so `{}` is not the ack and the caller never gets an answer",
                        plural(sent),
                        ack.name,
                        ack.name
                    ),
                )
                .event(&emit.ns, name)
                .label(
                    handler.file,
                    handler.span,
                    format!("declares {declared} payload {} before `{}`", plural(declared), ack.name),
                )
                .help("send as many payload arguments as the handler declares, or pass one object"),
            );
        }
    }
}
