use super::Context;
pub(super) use crate::catalog::NEST_ACK_PARAMETER as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{Span, UnboundAck};
use crate::graph::FileId;

/// `@nestjs/websockets` binds a handler's parameters by decorator, or, when none has
/// one, the socket at 0 and the payload at 1 (`DEFAULT_CALLBACK_METADATA` in v10 and
/// v11): any other parameter receives `undefined`, never the client's ack, unless it
/// is decorated with `@Ack()` (11.1+).
pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, source) in cx.files.iter().enumerate() {
        for unbound in &source.facts.nest.unbound_acks {
            let name = &unbound.name;
            let Some(first) = unbound.calls.first() else {
                continue;
            };
            let event = match unbound.event.as_str() {
                Some(event) => format!(" of \"{event}\""),
                None => String::new(),
            };
            let binding = if unbound.positional.is_empty() {
                "NestJS fills only the decorated parameters of a handler that has any decorated one"
            } else {
                "NestJS fills undecorated handler parameters only as `(client, data)`"
            };
            let mut diagnostic = Diagnostic::new(
                &RULE,
                file,
                unbound.param,
                format!(
                    "`{name}` is not the ack: {binding} and passes no ack to any other, so `{name}` is `undefined`: calling it throws a TypeError that reaches the client as an `exception` event, and the client's ack{event} never comes"
                ),
            )
            .label(file, *first, format!("`{name}` is `undefined` here"))
            .label(file, unbound.handler, "the handler")
            .help(format!(
                "decorate it with `@Ack() {name}` (@nestjs/websockets 11.1+; the other parameters then need `@ConnectedSocket()` / `@MessageBody()`), or drop it and return the reply: NestJS sends the returned value as the ack"
            ));
            diagnostic = diagnostic.fix(decorate(cx, file, unbound));
            out.push(diagnostic);
        }
    }
}

/// Decorates the parameter with `@Ack()` (and the positional ones before it, which a
/// decorator turns into unbound ones) and imports what it uses.
fn decorate(cx: &Context, file: FileId, unbound: &UnboundAck) -> Option<Fix> {
    let text = cx.text(file)?;
    let mut edits = Vec::new();
    let mut needed = vec!["Ack"];
    for (start, decorator) in &unbound.positional {
        edits.push(Edit {
            file,
            span: Span::new(*start, *start),
            replacement: format!("@{decorator}() "),
        });
        needed.push(decorator.as_str());
    }
    edits.push(Edit {
        file,
        span: Span::new(unbound.param.start, unbound.param.start),
        replacement: "@Ack() ".to_owned(),
    });
    let (brace, imported) = nest_import(text)?;
    let missing: Vec<&str> = needed
        .into_iter()
        .filter(|name| {
            !imported
                .split(',')
                .any(|item| item.split_whitespace().next() == Some(name))
        })
        .collect();
    if !missing.is_empty() {
        edits.push(Edit {
            file,
            span: Span::new(brace, brace),
            replacement: format!(" {},", missing.join(", ")),
        });
    }
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: format!("decorate `{}` with `@Ack()`", unbound.name),
        edits,
    })
}

/// The offset just after the `{` of `import { ... } from "@nestjs/websockets"`, and
/// the names between the braces.
fn nest_import(text: &str) -> Option<(u32, &str)> {
    let at = ["\"@nestjs/websockets\"", "'@nestjs/websockets'"]
        .iter()
        .filter_map(|quoted| text.find(quoted))
        .min()?;
    let before = &text[..at];
    let import = before.rfind("import")?;
    let open = import + before[import..].find('{')?;
    let close = open + before[open..].find('}')?;
    let brace = u32::try_from(open + 1).ok()?;
    Some((brace, &text[open + 1..close]))
}
