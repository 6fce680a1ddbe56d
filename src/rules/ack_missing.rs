use super::Context;
pub(super) use crate::catalog::ACK_MISSING as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{Calls, Span};
use crate::graph::HandlerSite;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph
        .emits
        .iter()
        .filter(|e| e.confident && e.ack && e.transport.acks_by_callback())
    {
        let Some(name) = emit.event.name() else {
            continue;
        };
        let receivers: Vec<_> = graph.receivers(emit).collect();
        if receivers.is_empty() {
            continue;
        }
        // A handler of the app we cannot see into (a guess, a catch-all) may answer: then
        // the finding is a doubt (info), and only when the handlers named are all known.
        let opaque =
            graph.has_opaque_receiver(emit.app, emit.transport, emit.side.other(), &emit.ns);
        if opaque && receivers.iter().any(|h| !h.confident) {
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
        let nest = receivers.iter().all(|h| {
            h.ack
                .as_ref()
                .is_some_and(|ack| ack.nest == Some(crate::facts::NestReply::Return))
        });
        let consequence = cx.unanswered_ack(emit);
        let verb = if nest { "returns a reply for" } else { "calls" };
        let help = if nest {
            "return the reply from the `@SubscribeMessage` method (a value that is not `undefined`, `null` or a `{ event }` object), or take `@Ack() ack` and call it"
        } else if receivers.iter().all(|h| cx.is_rust(h.file)) {
            "take an `ack: AckSender` extractor in the handler and send on every path, e.g. `ack.send(&reply).ok();`"
        } else {
            "take the ack as the handler's last parameter and call it on every path, e.g. `(data, callback) => { ...; callback({ ok: true }) }`"
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            emit.file,
            emit.span,
            format!(
                "{waiter} waits for an ack on \"{name}\" but no {answerer} handler ever {verb} it: {consequence}"
            ),
        )
        .event(&emit.ns, name)
        .help(help);
        for handler in &receivers {
            let label = match (&handler.ack, cx.is_rust(handler.file)) {
                (Some(ack), _) if ack.nest == Some(crate::facts::NestReply::Return) => {
                    super::nest_no_reply(ack)
                }
                (Some(ack), _) => format!(
                    "`{}` is never called in this handler",
                    cx.ack_call(handler.file, &ack.name)
                ),
                (None, true) => "this handler takes no `AckSender`, so it cannot answer".to_owned(),
                (None, false) => "this handler takes no ack parameter".to_owned(),
            };
            diagnostic = diagnostic.label(handler.file, handler.span, label);
        }
        if opaque {
            diagnostic.message.push_str(&format!(
                " (reported as info: a catch-all or a socket only guessed at on the {answerer} side of this app may answer it)"
            ));
            out.push(diagnostic.severity(crate::diagnostic::Severity::Info));
            continue;
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
        if cx.is_rust(handler.file) {
            edits.extend(add_ack_sender(cx, handler)?);
            continue;
        }
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

/// socketioxide: an `ack: AckSender` extractor after the others, and a send at the end
/// of the handler. The type is spelled in full unless the file already names it, so
/// the fix compiles without touching the imports.
fn add_ack_sender(cx: &Context, handler: &HandlerSite) -> Option<Vec<Edit>> {
    let shape = handler.shape.as_ref()?;
    let body = shape.body?;
    let text = cx.text(handler.file)?;
    let mut edits = Vec::new();
    let name = match &handler.ack {
        Some(ack) if ack.name != "_" => ack.name.clone(),
        Some(_) => return None,
        None => {
            let named = text
                .lines()
                .any(|line| !line.trim_start().starts_with("//") && line.contains("AckSender"));
            let ty = if named {
                "AckSender"
            } else {
                "socketioxide::extract::AckSender"
            };
            let param = format!("ack: {ty}");
            edits.push(match shape.params {
                Some(params) => Edit {
                    file: handler.file,
                    span: Span::new(params.end, params.end),
                    replacement: format!(", {param}"),
                },
                // `start` is the opening `|` or `(` of the parameter list.
                None => Edit {
                    file: handler.file,
                    span: Span::new(shape.start + 1, shape.start + 1),
                    replacement: param,
                },
            });
            "ack".to_owned()
        }
    };
    // A tail expression (`socket.emit(..).ok()` with no `;`) must end before the send.
    let close = body.end.checked_sub(1)?;
    let before = text.get(body.start as usize..close as usize)?.trim_end();
    if !before.ends_with([';', '{', '}']) {
        let end = body.start + before.len() as u32;
        edits.push(Edit {
            file: handler.file,
            span: Span::new(end, end),
            replacement: ";".to_owned(),
        });
    }
    edits.push(cx.append_statement(handler.file, body, &format!("{name}.send(&\"ok\").ok();"))?);
    Some(edits)
}
