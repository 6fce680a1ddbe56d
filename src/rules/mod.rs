//! The rules' code. A rule is one file holding one pure `check` function over the event
//! graph; its id, default severity, fix availability and documentation page are its
//! entry in the catalog (`crate::catalog`), which the file imports as `RULE`.

mod ack_missing;
mod ack_not_answerable;
mod ack_not_on_all_paths;
mod ack_outcome;
mod ack_unexpected;
mod arity_mismatch;
mod await_never_resolves;
mod broadcast_ack_without_timeout;
mod broadcast_excludes_sender;
mod command_args_mismatch;
mod command_not_registered;
mod command_unused;
mod duplicate_command;
mod dynamic_event_name;
mod edits;
mod emit_awaited;
mod emit_not_awaited;
mod event_name_invalid;
mod event_name_mismatch;
mod gateway_not_provided;
mod handler_replaced;
mod listener_after_await;
mod listener_leak;
mod listener_removed_globally;
mod manager_event_on_socket;
mod middleware_blocks;
mod namespace_mismatch;
mod nest_ack_parameter;
mod parse_error;
mod payload_not_deserializable;
mod reserved_event;
mod similar;
mod unknown_command;
pub(crate) mod unknown_rule_in_suppression;
mod unmatched_emit;
mod unmatched_handler;
pub(crate) mod unused_suppression;

use crate::catalog::Rule;
use crate::diagnostic::Diagnostic;
use crate::facts::{MissingKind, Span};
use crate::graph::{EventGraph, FileId, SourceFile};

pub struct Context<'a> {
    pub graph: &'a EventGraph,
    pub files: &'a [SourceFile],
    /// Found once, read by `event-name-mismatch` and by the two one-sided rules that
    /// leave its sites to it.
    typo_pairs: std::cell::OnceCell<event_name_mismatch::TypoPairs<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(graph: &'a EventGraph, files: &'a [SourceFile]) -> Context<'a> {
        Context {
            graph,
            files,
            typo_pairs: std::cell::OnceCell::new(),
        }
    }

    pub fn typo_pairs(&self) -> &event_name_mismatch::TypoPairs<'a> {
        self.typo_pairs
            .get_or_init(|| event_name_mismatch::typo_pairs(self.graph))
    }
}

impl Context<'_> {
    /// `web/src/store/chat.ts:31`, for messages that name the other end of the wire.
    pub fn location(&self, file: FileId, span: Span) -> String {
        let source = &self.files[file];
        let path = crate::discover::display_path(&source.path);
        match source.text {
            Some(_) => format!("{path}:{}", source.line_of(span.start)),
            None => path,
        }
    }
}

impl Context<'_> {
    /// The site is in Rust code (socketioxide or rust_socketio), whose messages, help and
    /// fixes are Rust.
    pub fn is_rust(&self, file: FileId) -> bool {
        crate::graph::is_rust(&self.files[file].path)
    }

    /// How an ack named `name` is called in that file: `callback` in TS, `ack.send(..)`
    /// for a socketioxide `AckSender`.
    pub fn ack_call(&self, file: FileId, name: &str) -> String {
        if self.is_rust(file) {
            format!("{name}.send(..)")
        } else {
            name.to_owned()
        }
    }

    /// `db.save()` for the span of `await db.save(data)`: names what may reject.
    pub fn awaited_call(&self, file: FileId, span: Span) -> Option<String> {
        let text = self.files[file].text.as_deref()?;
        let code = text.get(span.start as usize..span.end as usize)?;
        let code = code.trim_start().strip_prefix("await")?.trim_start();
        let callee = &code[..code.find('(')?];
        let simple = !callee.is_empty()
            && callee.len() <= 60
            && callee
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '$' | '?'));
        simple.then(|| format!("{callee}()"))
    }

    /// `requireSession()` for the span of a call `requireSession(socket)` that may
    /// throw; `None` for a `throw` statement.
    pub fn thrown_by_call(&self, file: FileId, span: Span) -> Option<String> {
        let text = self.files[file].text.as_deref()?;
        let code = text.get(span.start as usize..span.end as usize)?;
        let callee = code[..code.find('(')?].trim();
        let simple = !callee.is_empty()
            && callee != "throw"
            && callee.len() <= 60
            && callee
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '$'));
        simple.then(|| format!("{callee}()"))
    }

    /// A label for a path that leaves without the call, naming the awaited call.
    pub fn missing_label(
        &self,
        file: FileId,
        missing: &crate::facts::Missing,
        name: &str,
    ) -> String {
        match (missing.kind, self.awaited_call(file, missing.span)) {
            (MissingKind::Reject, Some(call)) => {
                format!("if `{call}` rejects, the function leaves without calling `{name}`")
            }
            (MissingKind::Throw, _) => match self.thrown_by_call(file, missing.span) {
                Some(call) => {
                    format!("if `{call}` throws, the function leaves without calling `{name}`")
                }
                None => missing_label(MissingKind::Throw, name),
            },
            (kind, _) => missing_label(kind, name),
        }
    }
}

/// What a path that misses the call does, for labels.
pub fn missing_label(kind: MissingKind, name: &str) -> String {
    match kind {
        MissingKind::Return => format!("returns here without calling `{name}`"),
        MissingKind::Throw => format!("throws here before calling `{name}`"),
        MissingKind::Reject => {
            format!("if this rejects, the function leaves without calling `{name}`")
        }
        MissingKind::End => format!("this path reaches the end without calling `{name}`"),
        MissingKind::Delegated => {
            format!("`{name}` is handed to a helper that does not call it on every path")
        }
        MissingKind::Try => format!("if this fails, `?` returns here without calling `{name}`"),
        MissingKind::WsResponse => {
            "returns a `WsResponse` here: it is emitted as its `event`, not sent as the ack"
                .to_owned()
        }
    }
}

/// A label for a NestJS handler whose return value does not always reply.
pub fn nest_no_reply(ack: &crate::facts::Ack) -> String {
    match ack.summary.missing.first() {
        Some(missing) if ack.summary.calls == crate::facts::Calls::Never => {
            match missing.kind {
                MissingKind::WsResponse => "this NestJS handler returns only `WsResponse`s: each is emitted as its `event`, not sent as the ack".to_owned(),
                MissingKind::Throw | MissingKind::Reject => "this NestJS handler returns no value: a thrown exception is sent as an `exception` event, not as the ack".to_owned(),
                _ => "this NestJS handler returns no value: a returned `undefined` sends no ack".to_owned(),
            }
        }
        Some(_) => "this NestJS handler does not return a reply on every path".to_owned(),
        None => "this NestJS handler returns no reply".to_owned(),
    }
}

/// What a path of a NestJS handler that replies by its return value sends instead of
/// the ack, for labels and messages.
/// The registrations `unmatched-handler` judges unreached (for `trace`, which must
/// agree with it), as (file, span).
pub fn unmatched_handlers(graph: &crate::graph::EventGraph) -> Vec<(FileId, Span)> {
    unmatched_handler::unmatched(graph)
        .into_iter()
        .map(|(handler, _, _)| (handler.file, handler.span))
        .collect()
}

pub fn nest_missing_label(kind: MissingKind) -> &'static str {
    match kind {
        MissingKind::Return => "returns `undefined` here: a returned `undefined` sends no ack",
        MissingKind::End => {
            "the method can end here and return `undefined`: a returned `undefined` sends no ack"
        }
        MissingKind::Throw => {
            "throws here: a thrown exception is sent as an `exception` event, not as the ack"
        }
        MissingKind::Reject => {
            "if this rejects, the exception is sent as an `exception` event, not as the ack"
        }
        MissingKind::WsResponse => {
            "returns a `WsResponse` here: it is emitted as its `event`, not sent as the ack"
        }
        MissingKind::Delegated | MissingKind::Try => "this path returns no reply",
    }
}

/// A rule's check: what it finds in the graph, appended to the findings.
type Check = fn(&Context, &mut Vec<Diagnostic>);

/// Each rule module's check and the catalog entry it reports as (its `RULE`).
macro_rules! checks {
    ($($rule:ident),* $(,)?) => {
        &[$((&$rule::RULE, $rule::check)),*]
    };
}

/// Every rule's check, in the catalog's order (a test holds the two lists together, so
/// that a rule added to one is added to both).
const CHECKS: &[(&Rule, Check)] = checks![
    ack_missing,
    ack_not_answerable,
    ack_not_on_all_paths,
    ack_unexpected,
    arity_mismatch,
    await_never_resolves,
    broadcast_ack_without_timeout,
    broadcast_excludes_sender,
    command_args_mismatch,
    command_not_registered,
    command_unused,
    duplicate_command,
    dynamic_event_name,
    emit_awaited,
    emit_not_awaited,
    event_name_invalid,
    event_name_mismatch,
    gateway_not_provided,
    handler_replaced,
    listener_after_await,
    listener_leak,
    listener_removed_globally,
    manager_event_on_socket,
    middleware_blocks,
    namespace_mismatch,
    nest_ack_parameter,
    parse_error,
    payload_not_deserializable,
    reserved_event,
    unknown_command,
    unknown_rule_in_suppression,
    unmatched_emit,
    unmatched_handler,
    unused_suppression,
];

/// Every rule's findings, rule by rule in the catalog's order.
pub fn run(context: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, check) in CHECKS {
        check(context, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::CHECKS;
    use crate::catalog::RULES;

    #[test]
    fn every_catalog_entry_has_its_check() {
        let checked: Vec<&str> = CHECKS.iter().map(|(rule, _)| rule.id).collect();
        let catalogued: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
        assert_eq!(checked, catalogued);
    }
}
