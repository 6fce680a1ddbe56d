//! `await socket.emit(...)`: Socket.IO's `emit` returns the socket on the client and
//! `true` on the server, never a promise, so the `await` continues at once and the ack
//! callback (if any) runs whenever the ack arrives. `emitWithAck` is the call that
//! returns a promise of the ack.

use rustc_hash::FxHashMap as HashMap;

use super::Context;
pub(super) use crate::catalog::EMIT_AWAITED as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{AwaitedEmit, EmitMethod, Side};
use crate::graph::{EmitSite, FileId};

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // The emit sites of the graph, by where their call starts: one emit may have several
    // sites (one per side or namespace it may reach); the first confident one speaks.
    let mut sites: HashMap<(FileId, u32), &EmitSite> = HashMap::default();
    for site in cx.graph.emits.iter().filter(|e| e.confident) {
        sites.entry((site.file, site.span.start)).or_insert(site);
    }
    if sites.is_empty() {
        return;
    }
    for (file, source) in cx.files.iter().enumerate() {
        for emit in &source.facts.emits {
            let Some(awaited) = &emit.awaited_emit else {
                continue;
            };
            let Some(site) = sites.get(&(file, emit.span.start)) else {
                continue;
            };
            out.push(diagnostic(cx, site, awaited, emit.method));
        }
    }
}

fn diagnostic(
    cx: &Context,
    site: &EmitSite,
    awaited: &AwaitedEmit,
    method: EmitMethod,
) -> Diagnostic {
    let call = if method == EmitMethod::Send {
        "send"
    } else {
        "emit"
    };
    let returns = match site.side {
        Side::Client => "returns the socket",
        Side::Server => "returns `true`",
    };
    let message = if site.ack {
        format!(
            "`{call}()` {returns}, not a promise; this `await` does not wait for the ack — use `emitWithAck`"
        )
    } else {
        format!(
            "`{call}()` {returns}, not a promise; this `await` waits for nothing: the packet is only queued"
        )
    };
    let help = if site.ack {
        "`await socket.timeout(5000).emitWithAck(...)` resolves to the ack's first argument and rejects when it does not come in time; or drop the `await` and keep the callback"
    } else {
        "drop the `await`; use `await socket.timeout(5000).emitWithAck(...)` if the code after it must wait for the handler's answer"
    };
    let mut diagnostic = Diagnostic::new(&RULE, site.file, awaited.span, message).help(help);
    if let Some(name) = site.event.name() {
        diagnostic = diagnostic.event(&site.ns, name);
    }
    diagnostic.fix(with_ack(cx, site, awaited))
}

/// `await socket.emit("x", data, (res) => use(res))` becomes
/// `await socket.emitWithAck("x", data).then((res) => use(res))`: the callback runs on
/// the ack as before, and the `await` now waits for it. Only for a plain callback ack: with
/// `.timeout()` (or a client `ackTimeout` or `retries`) the callback is error-first, and a
/// broadcast collects an array, so the callback would get something else.
fn with_ack(cx: &Context, site: &EmitSite, awaited: &AwaitedEmit) -> Option<Fix> {
    let callback = awaited.callback.as_ref()?;
    if site.timeout || site.retried || site.broadcast || !site.ack {
        return None;
    }
    let text = cx.text(site.file)?;
    let method = text.get(awaited.method.start as usize..awaited.method.end as usize)?;
    let callback_text = text.get(callback.span.start as usize..callback.span.end as usize)?;
    if method != "emit"
        || !text.get(..awaited.call_end as usize)?.ends_with(')')
        || !is_statement(text, awaited)
    {
        return None;
    }
    let file = site.file;
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: "use `emitWithAck` and run the callback on the ack it resolves to: the `await` then really waits for the ack (add `.timeout(ms)` so it cannot wait forever)".to_owned(),
        edits: vec![
            Edit {
                file,
                span: awaited.method,
                replacement: "emitWithAck".to_owned(),
            },
            Edit {
                file,
                span: callback.cut,
                replacement: String::new(),
            },
            Edit {
                file,
                span: crate::facts::Span::new(awaited.call_end, awaited.call_end),
                replacement: format!(".then({callback_text})"),
            },
        ],
    })
}

/// `await socket.emit(...);` as a statement of its own: its value (the socket) is not
/// used, so what `.then(...)` returns instead cannot matter.
fn is_statement(text: &str, awaited: &AwaitedEmit) -> bool {
    let before = text
        .get(..awaited.span.start as usize)
        .map(str::trim_end)
        .and_then(|t| t.chars().last());
    let after = text
        .get(awaited.call_end as usize..)
        .map(|t| t.trim_start_matches([' ', '\t']))
        .and_then(|t| t.chars().next());
    matches!(before, None | Some(';' | '{' | '}'))
        && matches!(after, None | Some(';' | '\n' | '\r' | '}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Span;

    fn statement(code: &str) -> bool {
        let start = code.find("await").unwrap_or(0) as u32;
        let end = code.rfind(')').map_or(0, |i| i as u32 + 1);
        let awaited = AwaitedEmit {
            span: Span::new(start, end),
            method: Span::new(start, start),
            call_end: end,
            callback: None,
        };
        is_statement(code, &awaited)
    }

    #[test]
    fn only_an_await_whose_value_is_unused_is_rewritten() {
        assert!(statement("{\n  await s.emit(\"x\", () => {});\n}"));
        assert!(statement("f();\nawait s.emit(\"x\", () => {})\nnext()"));
        assert!(!statement("{ const r = await s.emit(\"x\", () => {}); }"));
        assert!(!statement("{ return await s.emit(\"x\", () => {}); }"));
        assert!(!statement("{ await s.emit(\"x\", () => {}).connected; }"));
    }
}
