use super::Context;
pub(super) use crate::catalog::ACK_NOT_ON_ALL_PATHS as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::facts::{Calls, MissingKind, NestReply};
use crate::facts::{Missing, Span};
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
        if ack.summary.calls != Calls::Some {
            continue;
        }
        let Some(waiting) = graph.senders(handler).find(|e| e.ack && e.confident) else {
            continue;
        };
        if ack.nest == Some(NestReply::Return) {
            out.push(nest_return(cx, handler, ack, waiting, name));
            continue;
        }
        let rust = cx.is_rust(handler.file);
        let cb = &cx.ack_call(handler.file, &ack.name);
        let first = ack.summary.missing.first();
        let reason = match first.map(|m| m.kind) {
            Some(MissingKind::Reject) => {
                match first.and_then(|m| cx.awaited_call(handler.ack_file, m.span)) {
                    Some(call) => {
                        format!("when `{call}` rejects, the handler leaves before calling `{cb}`")
                    }
                    None => format!(
                        "when an awaited call rejects, the handler leaves before calling `{cb}`"
                    ),
                }
            }
            Some(MissingKind::Return) => format!("an early `return` skips `{cb}`"),
            Some(MissingKind::Throw) => {
                match first.and_then(|m| cx.thrown_by_call(handler.ack_file, m.span)) {
                    Some(call) => {
                        format!("when `{call}` throws, the handler leaves before calling `{cb}`")
                    }
                    None => format!("a `throw` leaves before `{cb}`"),
                }
            }
            Some(MissingKind::Delegated) => {
                format!("the helper it hands `{cb}` to does not call it on every path")
            }
            Some(MissingKind::Try) => format!("a `?` returns the error before `{cb}`"),
            Some(MissingKind::End) | None => {
                format!("a path reaches the end of the handler without calling `{cb}`")
            }
            Some(MissingKind::WsResponse) => {
                "a returned `WsResponse` is emitted as an event, not sent as the ack".to_owned()
            }
        };
        // NestJS turns the exception into an event of its own, which is worth saying.
        let reason = match (ack.nest, first.map(|m| m.kind)) {
            (Some(NestReply::AckParam), Some(MissingKind::Throw | MissingKind::Reject)) => {
                format!(
                    "{reason} (NestJS sends the exception as an `exception` event, not as the ack)"
                )
            }
            _ => reason,
        };
        // The answers the completions give follow the handler's own failure answers.
        let (on_error, on_return) = cx
            .error_answer(handler.ack_file, &ack.summary.call_spans, cb)
            .unwrap_or_else(|| {
                (
                    format!("{cb}({{ error: String(err) }})"),
                    format!("{cb}({{ ok: false }})"),
                )
            });
        let mut diagnostic = Diagnostic::new(
            &RULE,
            handler.file,
            handler.span,
            format!(
                "the {} waits for an ack on \"{name}\" ({}) but this handler can finish without calling `{cb}`: {reason}; then {}",
                handler.side.other().as_str(),
                cx.location(waiting.file, waiting.span),
                cx.unanswered_ack(waiting),
            ),
        )
        .event(&handler.ns, name)
        .severity(severity(&ack.summary.missing))
        .help(if rust {
            format!(
                "send on every path: match the error instead of using `?` and answer with it, e.g. `Err(err) => {{ {}.send(&err.to_string()).ok(); return; }}`",
                ack.name
            )
        } else {
            format!(
                "call `{cb}` on every path, e.g. wrap the body in `try {{ ... }} catch (err) {{ {on_error} }}`"
            )
        });
        for missing in &ack.summary.missing {
            diagnostic = diagnostic.label(
                handler.ack_file,
                missing.span,
                cx.missing_label(handler.ack_file, missing, cb),
            );
        }
        diagnostic = diagnostic.label(
            waiting.file,
            waiting.span,
            "the caller waits for the ack here",
        );
        // The completions are TypeScript (`try`/`catch`, `return cb(...)`).
        let fix = handler.shape.as_ref().filter(|_| !rust).and_then(|shape| {
            complete_paths(
                cx,
                handler.file,
                shape.body?,
                &ack.summary.missing,
                &on_return,
                &on_error,
            )
        });
        out.push(diagnostic.fix(fix.map(|edits| Fix {
            applicability: Applicability::Suggestion,
            description: format!("call `{cb}` on the paths that miss it"),
            edits,
        })));
    }
}

/// A NestJS handler that replies by its return value: the paths that return nothing,
/// return a `WsResponse` or throw, in NestJS's terms. No fix: what to return is the
/// author's call.
fn nest_return(
    cx: &Context,
    handler: &crate::graph::HandlerSite,
    ack: &crate::facts::Ack,
    waiting: &crate::graph::EmitSite,
    name: &str,
) -> Diagnostic {
    let first = ack.summary.missing.first().map(|m| m.kind);
    let reason = match first {
        Some(MissingKind::Throw | MissingKind::Reject) => {
            "a thrown exception is sent as an `exception` event, not as the ack"
        }
        Some(MissingKind::WsResponse) => {
            "a returned `WsResponse` is emitted as its `event`, not sent as the ack"
        }
        _ => "a returned `undefined` sends no ack",
    };
    let mut diagnostic = Diagnostic::new(
        &RULE,
        handler.file,
        handler.span,
        format!(
            "the {} waits for an ack on \"{name}\" ({}) but this NestJS handler can finish without returning a reply: {reason}; then {}",
            handler.side.other().as_str(),
            cx.location(waiting.file, waiting.span),
            cx.unanswered_ack(waiting),
        ),
    )
    .event(&handler.ns, name)
    .severity(severity(&ack.summary.missing))
    .help("return a value on every path (catch the error and return it), or take `@Ack() ack` and call it on every path");
    for missing in &ack.summary.missing {
        diagnostic = diagnostic.label(
            handler.ack_file,
            missing.span,
            super::nest_missing_label(missing.kind),
        );
    }
    diagnostic.label(
        waiting.file,
        waiting.span,
        "the caller waits for the ack here",
    )
}

/// An `error` when a path can leave without the ack in the normal course (an early
/// `return`, the end of a branch, a helper that does not answer); a `warning` when every
/// such path is an exception (a rejected `await`, a `throw`, a `?`): the caller hangs
/// only when something else already failed.
pub(super) fn severity(missing: &[Missing]) -> Severity {
    let exceptional = |kind: MissingKind| {
        matches!(
            kind,
            MissingKind::Reject | MissingKind::Throw | MissingKind::Try
        )
    };
    if !missing.is_empty() && missing.iter().all(|m| exceptional(m.kind)) {
        Severity::Warning
    } else {
        Severity::Error
    }
}

/// Edits that make every missing path call the target: a bare `return` returns
/// `on_return`, a promise chain without a rejection handler gets `.catch(...)`, and a
/// body whose awaits or throws can escape is wrapped in `try`/`catch`; both run
/// `on_error` (an expression using `err`). `None` when a path cannot be completed
/// without guessing (the end of a branch).
pub(super) fn complete_paths(
    cx: &Context,
    file: FileId,
    body: Span,
    missing: &[Missing],
    on_return: &str,
    on_error: &str,
) -> Option<Vec<Edit>> {
    let mut edits = Vec::new();
    let mut wrap = false;
    for path in missing {
        match path.kind {
            MissingKind::Return => edits.push(cx.return_with(file, path.span, on_return)?),
            // An unawaited chain is not caught by `try`: it gets its own handler.
            MissingKind::Reject
                if !cx
                    .text(file)?
                    .get(path.span.start as usize..)?
                    .starts_with("await") =>
            {
                edits.push(Edit {
                    file,
                    span: Span::new(path.span.end, path.span.end),
                    replacement: format!(".catch((err) => {on_error})"),
                });
            }
            MissingKind::Reject | MissingKind::Throw => wrap = true,
            MissingKind::End
            | MissingKind::Delegated
            | MissingKind::Try
            | MissingKind::WsResponse => return None,
        }
    }
    if wrap {
        edits.extend(cx.wrap_in_try(file, body, &format!("{on_error};"))?);
    }
    (!edits.is_empty()).then_some(edits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn missing(kinds: &[MissingKind]) -> Vec<Missing> {
        (kinds.iter().enumerate())
            .map(|(i, &kind)| Missing {
                span: Span::new(i as u32, i as u32 + 1),
                kind,
            })
            .collect()
    }

    #[test]
    fn exceptions_alone_are_a_warning() {
        use MissingKind::*;
        assert_eq!(severity(&missing(&[Reject])), Severity::Warning);
        assert_eq!(severity(&missing(&[Throw, Try, Reject])), Severity::Warning);
        assert_eq!(severity(&missing(&[Reject, Return])), Severity::Error);
        assert_eq!(severity(&missing(&[End])), Severity::Error);
        assert_eq!(severity(&missing(&[Delegated])), Severity::Error);
    }
}
