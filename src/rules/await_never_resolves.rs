use super::Context;
pub(super) use crate::catalog::AWAIT_NEVER_RESOLVES as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::facts::MissingKind;
use crate::facts::{Calls, EmitMethod, Side};
use crate::graph::PromiseSite;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
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
                    Some(ack) if ack.nest == Some(crate::facts::NestReply::Return) => {
                        super::nest_no_reply(ack)
                    }
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
        let close = missing.span.start as usize;
        let open = matching_open(text, close)?;
        // A settle call inside a callback of this block runs later: a `reject` added at
        // its end would run first and reject every promise at once.
        let later = promise.summary.call_spans.iter().any(|call| {
            (open..close).contains(&(call.start as usize))
                && runs_later(text, open, call.start as usize, call.end as usize)
        });
        if later {
            return None;
        }
        let open = open as u32;
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

/// The `{` that the `}` at `close` ends (strings and comments are skipped roughly: an
/// unbalanced brace inside one gives a wrong block or none, and then no fix).
fn matching_open(text: &str, close: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = close;
    loop {
        match bytes.get(i)? {
            b'}' => depth += 1,
            b'{' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i = i.checked_sub(1)?;
    }
}

/// Whether the settle call at `call_start..call_end`, inside the block opened at
/// `open`, runs after the block is done: it is inside a function nested in the block
/// (`=>`, `function`, a method `name() {`), or the settle function is handed on
/// (`setTimeout(resolve, 10)`) rather than called.
fn runs_later(text: &str, open: usize, call_start: usize, call_end: usize) -> bool {
    let called = text
        .get(call_start..call_end)
        .is_some_and(|code| code.trim_end().ends_with(')'));
    if !called {
        return true;
    }
    let bytes = text.as_bytes();
    // Open groups since the block's `{`: whether a function starts in each.
    let mut groups: Vec<bool> = vec![false];
    let mut i = open + 1;
    while i < call_start.min(bytes.len()) {
        match bytes[i] {
            b'"' | b'\'' | b'`' => {
                let quote = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 1);
            }
            b'=' if bytes.get(i + 1) == Some(&b'>') => {
                if let Some(group) = groups.last_mut() {
                    *group = true;
                }
            }
            b'f' if text[i..].starts_with("function")
                && !bytes
                    .get(i.wrapping_sub(1))
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') =>
            {
                if let Some(group) = groups.last_mut() {
                    *group = true;
                }
            }
            b'{' => groups.push(method_body(text, i)),
            b'(' | b'[' => groups.push(false),
            b'}' | b')' | b']' if groups.len() > 1 => {
                groups.pop();
            }
            // A function expression ends with its statement.
            b';' => {
                if let Some(group) = groups.last_mut() {
                    *group = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    groups.iter().any(|&function| function)
}

/// Whether the `{` at `at` opens a method body (`onClose() {`): it follows `)` whose
/// `(` follows a name that is not a control keyword.
fn method_body(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let Some(head) = before.strip_suffix(')') else {
        return false;
    };
    let bytes = head.as_bytes();
    let mut depth = 1;
    let mut i = head.len();
    while depth > 0 {
        let Some(next) = i.checked_sub(1) else {
            return false;
        };
        i = next;
        match bytes[i] {
            b')' => depth += 1,
            b'(' => depth -= 1,
            _ => {}
        }
    }
    let name = head[..i].trim_end();
    let word_start = name
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .map_or(0, |at| at + 1);
    let word = &name[word_start..];
    !word.is_empty() && !matches!(word, "if" | "for" | "while" | "switch" | "catch" | "with")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn later(code: &str, call: &str) -> bool {
        let open = code.find('{').unwrap_or(0);
        let start = code.find(call).unwrap_or(0);
        runs_later(code, open, start, start + call.len())
    }

    #[test]
    fn settle_calls_in_callbacks_run_later() {
        assert!(!later("{ if (res.ok) resolve(res); }", "resolve(res)"));
        assert!(!later("{ if (x) { resolve(1); } }", "resolve(1)"));
        assert!(later(
            "{ socket.on(\"x\", () => resolve(1)); }",
            "resolve(1)"
        ));
        assert!(later(
            "{ emitter.once(\"x\", function () { resolve(1); }); }",
            "resolve(1)"
        ));
        assert!(later(
            "{ const h = { onClose() { resolve(1); } }; }",
            "resolve(1)"
        ));
        assert!(later("{ setTimeout(resolve, 10); }", "resolve"));
        assert!(!later(
            "{ const f = () => 1; resolve(f()); }",
            "resolve(f())"
        ));
    }

    #[test]
    fn braces_match() {
        let code = "a { b { c } d }";
        assert_eq!(matching_open(code, code.len() - 1), Some(2));
    }
}
