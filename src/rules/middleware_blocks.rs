use std::collections::HashSet;

use super::Context;
use super::ack_not_on_all_paths::{self, complete_paths};
pub(super) use crate::catalog::MIDDLEWARE_BLOCKS as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::facts::Calls;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for middleware in &cx.graph.middlewares {
        if !middleware.transport.has_middleware() {
            continue;
        }
        let Some(next) = &middleware.next else {
            continue;
        };
        if !matches!(next.calls, Calls::Some | Calls::Never)
            || !seen.insert((middleware.file, middleware.span))
        {
            continue;
        }
        let name = &middleware.next_name;
        let consequence = if middleware.per_packet {
            "the packet is silently dropped: its handler never runs and any ack the client waits for never comes"
        } else {
            "the connection stays pending: the client never sees `connect` and the server closes it after `connectTimeout` (45 s)"
        };
        let what = if next.calls == Calls::Never {
            format!("this middleware never calls `{name}`")
        } else {
            format!("this middleware can finish without calling `{name}`")
        };
        // As for acks: a middleware that lets go only when something already failed
        // (a rejected `await`, a `throw`) is a warning, one that can return without
        // `next` in the normal course an error.
        let severity = match next.calls {
            Calls::Never => Severity::Error,
            _ => ack_not_on_all_paths::severity(&next.missing),
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            middleware.file,
            middleware.span,
            format!("{what}: {consequence}"),
        )
        .severity(severity)
        .help(format!(
            "call `{name}()` to continue or `{name}(new Error(\"...\"))` to refuse, on every path (in a `catch` too)"
        ));
        diagnostic.namespace = Some(middleware.ns.label().to_owned());
        for missing in &next.missing {
            diagnostic = diagnostic.label(
                middleware.file,
                missing.span,
                cx.missing_label(middleware.file, missing, name),
            );
        }
        // A refused connection hears why; a per-packet middleware lets the packet
        // through rather than dropping it in silence.
        let on_return = if middleware.per_packet {
            format!("{name}()")
        } else {
            format!(
                "{name}(new Error({}))",
                cx.string_literal(middleware.file, "unauthorized")
            )
        };
        let fix = middleware.shape.as_ref().and_then(|shape| {
            let edits = complete_paths(
                cx,
                middleware.file,
                shape.body?,
                &next.missing,
                &on_return,
                &format!("{name}(err)"),
            )?;
            Some(Fix {
                applicability: Applicability::Suggestion,
                description: format!("call `{name}` on every path"),
                edits,
            })
        });
        out.push(diagnostic.fix(fix));
    }
}
