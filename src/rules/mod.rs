//! The rule registry. A rule is one file: its id, default severity, fix availability,
//! documentation page and one pure `check` function over the event graph.

mod ack_missing;
mod ack_not_answerable;
mod ack_not_on_all_paths;
mod ack_outcome;
mod ack_unexpected;
mod arity_mismatch;
mod await_never_resolves;
mod broadcast_ack_without_timeout;
mod broadcast_excludes_sender;
mod dynamic_event_name;
mod edits;
mod emit_awaited;
mod emit_not_awaited;
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
pub(crate) mod unknown_rule_in_suppression;
mod unmatched_emit;
mod unmatched_handler;
pub(crate) mod unused_suppression;

use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{MissingKind, Span};
use crate::graph::{EventGraph, FileId, SourceFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

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
        let path = crate::report::display_path(&source.path);
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

pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub fix: FixAvailability,
    /// One line for `wirelint rules`.
    pub summary: &'static str,
    /// `rules/<id>.md`, embedded.
    pub doc: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

/// Every rule, sorted by id.
pub const RULES: &[&Rule] = &[
    &ack_missing::RULE,
    &ack_not_answerable::RULE,
    &ack_not_on_all_paths::RULE,
    &ack_unexpected::RULE,
    &arity_mismatch::RULE,
    &await_never_resolves::RULE,
    &broadcast_ack_without_timeout::RULE,
    &broadcast_excludes_sender::RULE,
    &dynamic_event_name::RULE,
    &emit_awaited::RULE,
    &emit_not_awaited::RULE,
    &event_name_mismatch::RULE,
    &gateway_not_provided::RULE,
    &handler_replaced::RULE,
    &listener_after_await::RULE,
    &listener_leak::RULE,
    &listener_removed_globally::RULE,
    &manager_event_on_socket::RULE,
    &middleware_blocks::RULE,
    &namespace_mismatch::RULE,
    &nest_ack_parameter::RULE,
    &parse_error::RULE,
    &payload_not_deserializable::RULE,
    &reserved_event::RULE,
    &unknown_rule_in_suppression::RULE,
    &unmatched_emit::RULE,
    &unmatched_handler::RULE,
    &unused_suppression::RULE,
];

impl Rule {
    /// A field of the page's header line (`**Severity:** error · **Fix:** none ·
    /// **Points at:** the emit`), by its name.
    pub fn header(&self, field: &str) -> Option<&'static str> {
        let line = self
            .doc
            .lines()
            .find(|line| line.starts_with("**Severity:**"))?;
        line.split(" · ")
            .find_map(|part| part.strip_prefix(&format!("**{field}:** ")).map(str::trim))
    }
}

/// `docs/rules.md`: the catalogue of every rule, from the registry and the header line
/// of each rule's page, so that it cannot disagree with either (a test compares it
/// with the file).
pub fn catalogue() -> String {
    let mut out = String::from(
        "# Rules\n\n\
         <!-- Generated from the rule registry and the pages in rules/: run\n\
         `WIRELINT_UPDATE_DOCS=1 cargo test --test it docs` after changing either. -->\n\n\
         Every finding names its rule by id; configuration (`[rules]` in `wirelint.toml`),\n\
         suppression comments and baselines use the same ids. `wirelint rules <id>` prints a\n\
         rule's page ([`rules/<id>.md`](../rules/)), with an example that fires and one that\n\
         does not.\n\n\
         | id | severity | fires when | points at | fix |\n\
         |---|---|---|---|---|\n",
    );
    for rule in RULES {
        let cell = |text: &str| text.replace('|', "\\|");
        out.push_str(&format!(
            "| [`{id}`](../rules/{id}.md) | {severity} | {summary} | {points} | {fix} |\n",
            id = rule.id,
            severity = cell(rule.header("Severity").unwrap_or(rule.severity.as_str())),
            summary = cell(rule.summary),
            points = cell(rule.header("Points at").unwrap_or("see the page")),
            fix = cell(rule.header("Fix").unwrap_or("none")),
        ));
    }
    out.push_str(
        "\n## Fixes\n\n\
         A `safe` fix is applied by `--fix`; a `suggestion` only with `--fix --unsafe-fixes`\n\
         (both are shown by `--diff`). A fix that rests on a guess (which name was meant,\n\
         which emitters pass an ack) is always a suggestion.\n\n\
         ## Severity adjustments\n\n\
         `[rules]` sets a rule's highest level. A rule whose findings have two severities by\n\
         nature (the \"warning when ...\" above, or info when sockets are only guessed at)\n\
         keeps the lower ones under the configured level and lowers them to it when it is\n\
         lower: `\"error\"` changes nothing for `ack-not-on-all-paths`, `\"info\"` makes all\n\
         of its findings info.\n\n\
         These apply to every rule, after `[rules]` has set its level, and only ever lower it:\n\n\
         - **Test code** is `info`: files under `test/`, `tests/`, `__tests__/` or `e2e/`,\n\
         \x20 `*.test.*` and `*.spec.*` files, Rust `#[cfg(test)]` modules and `#[test]`\n\
         \x20 functions, and Cargo example targets (`examples/x.rs`, `examples/x/main.rs`; an example\n\
         \x20 that is a package of its own, `examples/x/src/main.rs`, is an app). Tests emit unknown\n\
         \x20 events and register handlers that must never fire on purpose, and examples show an API\n\
         \x20 with placeholder events; their emits and handlers still pair with the app's, so a handler only a\n\
         \x20 test emits to is not unmatched. `[tests] severity = \"as-is\"` keeps their\n\
         \x20 findings at full severity, and `[tests] paths` replaces the globs.\n\
         - **Code nothing calls**: an `error` inside a function or method whose name occurs\n\
         \x20 nowhere else in the project (not in code, comments or `.vue`/`.svelte` markup;\n\
         \x20 a quoted event name of the same spelling does not count) is a `warning`, and its\n\
         \x20 message ends with \"(in code nothing calls: ...)\". It breaks nothing until\n\
         \x20 something calls it. Exported functions, Rust `pub` items, trait methods,\n\
         \x20 decorated methods, the methods of decorated classes (`@Component`, whose\n\
         \x20 template may be a file wirelint does not read) and framework lifecycle hooks\n\
         \x20 (`mounted`, `componentDidMount`, `ngOnInit`, `handleConnection`, ...) count as\n\
         \x20 called.\n",
    );
    out
}

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.id == id)
}

pub fn run(context: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(context, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_documented() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        for rule in RULES {
            assert!(
                rule.doc.starts_with(&format!("# {}\n", rule.id)),
                "rules/{}.md must start with its id",
                rule.id
            );
        }
    }
}
