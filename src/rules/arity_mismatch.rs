use super::Context;
pub(super) use crate::catalog::ARITY_MISMATCH as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::EmitMethod;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph.emits.iter().filter(|e| e.confident && e.ack) {
        let (Some(sent), Some(name)) = (emit.args, emit.event.name()) else {
            continue;
        };
        for handler in graph.receivers(emit).filter(|h| h.confident) {
            let (Some(ack), Some(declared)) = (&handler.ack, handler.payload_params()) else {
                continue;
            };
            // NestJS gathers several payload arguments into one array before its ack.
            if sent == declared || ack.nest.is_some() {
                continue;
            }
            let plural = |n: u32| if n == 1 { "argument" } else { "arguments" };
            let how = if emit.method == EmitMethod::EmitWithAck {
                "`emitWithAck`"
            } else {
                "the emit"
            };
            let (message, label) = if cx.is_rust(handler.file) {
                // socketioxide deserializes all the arguments into `Data<T>` at once.
                (
                    format!(
                        "{how} sends {sent} payload {} but the handler's `Data<..>` reads {declared}: deserializing fails, so socketioxide never calls the handler and the caller never gets an answer",
                        plural(sent)
                    ),
                    format!("`Data<..>` reads {declared} payload {}", plural(declared)),
                )
            } else {
                let landing = if sent < declared {
                    "the ack function lands in an earlier parameter"
                } else {
                    "a payload value lands where the ack should be"
                };
                (
                    format!(
                        "{how} sends {sent} payload {} but the handler declares {declared} before `{}`: {landing}, so `{}` is not the ack and the caller never gets an answer",
                        plural(sent),
                        ack.name,
                        ack.name
                    ),
                    format!(
                        "declares {declared} payload {} before `{}`",
                        plural(declared),
                        ack.name
                    ),
                )
            };
            out.push(
                Diagnostic::new(&RULE, emit.file, emit.span, message)
                    .event(&emit.ns, name)
                    .label(handler.file, handler.span, label)
                    .help("send as many payload arguments as the handler declares, or pass one object"),
            );
        }
    }
}
