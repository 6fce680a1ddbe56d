//! The rule catalog: every rule this build has, as data (its id, default severity, fix
//! availability, one-line summary and documentation page), apart from the rules' code in
//! `rules/`. The configuration, suppression comments, the cache and the documentation
//! name rules by these ids and read this metadata without depending on the event graph
//! or the checks; each rule's code takes its entry from here (`rules/<id>.rs`:
//! `use crate::catalog::<ID> as RULE`).

/// How much a finding matters: a rule's default level, and a finding's own (which
/// `[rules]`, test code and code nothing calls may change). Defined here because the
/// catalog gives each rule its default; `diagnostic` re-exports it.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a rule's findings carry a fix: never, for some findings, or always (a test
/// holds each rule to what it declares).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

/// What a rule is, apart from its check.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub fix: FixAvailability,
    /// One line for `wirelint rules`.
    pub summary: &'static str,
    /// `rules/<id>.md`, embedded.
    pub doc: &'static str,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

pub const ACK_MISSING: Rule = Rule {
    id: "ack-missing",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an emit waits for an ack that no matching handler ever calls",
    doc: include_str!("../rules/ack-missing.md"),
};

pub const ACK_NOT_ANSWERABLE: Rule = Rule {
    id: "ack-not-answerable",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a server asks a rust_socketio client for an ack, which that client cannot send",
    doc: include_str!("../rules/ack-not-answerable.md"),
};

pub const ACK_NOT_ON_ALL_PATHS: Rule = Rule {
    id: "ack-not-on-all-paths",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "a handler calls its ack on some paths but can finish without it",
    doc: include_str!("../rules/ack-not-on-all-paths.md"),
};

pub const ACK_UNEXPECTED: Rule = Rule {
    id: "ack-unexpected",
    severity: Severity::Error,
    fix: FixAvailability::Always,
    summary: "a handler calls its ack unconditionally but some emitter passes no ack",
    doc: include_str!("../rules/ack-unexpected.md"),
};

pub const ARITY_MISMATCH: Rule = Rule {
    id: "arity-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "an emit sends a different number of arguments than the handler declares before its ack",
    doc: include_str!("../rules/arity-mismatch.md"),
};

pub const AWAIT_NEVER_RESOLVES: Rule = Rule {
    id: "await-never-resolves",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an awaited ack or promise can stay pending forever",
    doc: include_str!("../rules/await-never-resolves.md"),
};

pub const BROADCAST_ACK_WITHOUT_TIMEOUT: Rule = Rule {
    id: "broadcast-ack-without-timeout",
    severity: Severity::Error,
    fix: FixAvailability::Always,
    summary: "a broadcast asks for acks without `.timeout(ms)`",
    doc: include_str!("../rules/broadcast-ack-without-timeout.md"),
};

pub const BROADCAST_EXCLUDES_SENDER: Rule = Rule {
    id: "broadcast-excludes-sender",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "a client waits for its own event to come back, but the server relays it past the sender",
    doc: include_str!("../rules/broadcast-excludes-sender.md"),
};

pub const COMMAND_ARGS_MISMATCH: Rule = Rule {
    id: "command-args-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "a Tauri invoke does not send a key its command requires (after camelCase conversion)",
    doc: include_str!("../rules/command-args-mismatch.md"),
};

pub const COMMAND_NOT_REGISTERED: Rule = Rule {
    id: "command-not-registered",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a Tauri command the webview invokes is in no live generate_handler!",
    doc: include_str!("../rules/command-not-registered.md"),
};

pub const COMMAND_UNUSED: Rule = Rule {
    id: "command-unused",
    severity: Severity::Info,
    fix: FixAvailability::None,
    summary: "a registered Tauri command that no webview code invokes",
    doc: include_str!("../rules/command-unused.md"),
};

pub const DUPLICATE_COMMAND: Rule = Rule {
    id: "duplicate-command",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "two Tauri commands of one name in the live handler: the second is unreachable",
    doc: include_str!("../rules/duplicate-command.md"),
};

pub const DYNAMIC_EVENT_NAME: Rule = Rule {
    id: "dynamic-event-name",
    severity: Severity::Info,
    fix: FixAvailability::None,
    summary: "an event name cannot be resolved statically, so that site may match any name of its app and namespace",
    doc: include_str!("../rules/dynamic-event-name.md"),
};

pub const EMIT_AWAITED: Rule = Rule {
    id: "emit-awaited",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "`await socket.emit(...)` waits for nothing: `emit` does not return a promise",
    doc: include_str!("../rules/emit-awaited.md"),
};

pub const EMIT_NOT_AWAITED: Rule = Rule {
    id: "emit-not-awaited",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "socketioxide: a broadcast emit whose future is dropped without `.await` sends nothing",
    doc: include_str!("../rules/emit-not-awaited.md"),
};

pub const EVENT_NAME_INVALID: Rule = Rule {
    id: "event-name-invalid",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a Tauri event name with a character Tauri refuses (Rust panics, JS rejects)",
    doc: include_str!("../rules/event-name-invalid.md"),
};

pub const EVENT_NAME_MISMATCH: Rule = Rule {
    id: "event-name-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an unmatched emit and an unmatched handler whose names are a typo or rename of each other: one bug, reported at both ends",
    doc: include_str!("../rules/event-name-mismatch.md"),
};

pub const GATEWAY_NOT_PROVIDED: Rule = Rule {
    id: "gateway-not-provided",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a NestJS gateway that no module lists in `providers`, so its handlers never run",
    doc: include_str!("../rules/gateway-not-provided.md"),
};

pub const HANDLER_REPLACED: Rule = Rule {
    id: "handler-replaced",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "socketioxide: the same event is registered twice on one socket, and the second replaces the first",
    doc: include_str!("../rules/handler-replaced.md"),
};

pub const LISTENER_AFTER_AWAIT: Rule = Rule {
    id: "listener-after-await",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a connection handler registers listeners after an `await`, so early events are lost",
    doc: include_str!("../rules/listener-after-await.md"),
};

pub const LISTENER_LEAK: Rule = Rule {
    id: "listener-leak",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a listener is added again and again without being removed",
    doc: include_str!("../rules/listener-leak.md"),
};

pub const LISTENER_REMOVED_GLOBALLY: Rule = Rule {
    id: "listener-removed-globally",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "`off(event)` without a handler removes every listener of that event, or throws on the server",
    doc: include_str!("../rules/listener-removed-globally.md"),
};

pub const MANAGER_EVENT_ON_SOCKET: Rule = Rule {
    id: "manager-event-on-socket",
    severity: Severity::Error,
    fix: FixAvailability::Always,
    summary: "a client listens on its Socket for a reconnection event that only its Manager (`socket.io`) emits",
    doc: include_str!("../rules/manager-event-on-socket.md"),
};

pub const MIDDLEWARE_BLOCKS: Rule = Rule {
    id: "middleware-blocks",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "a middleware has a path that finishes without calling `next`",
    doc: include_str!("../rules/middleware-blocks.md"),
};

pub const NAMESPACE_MISMATCH: Rule = Rule {
    id: "namespace-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a client connects to a namespace that no server defines, or the reverse",
    doc: include_str!("../rules/namespace-mismatch.md"),
};

pub const NEST_ACK_PARAMETER: Rule = Rule {
    id: "nest-ack-parameter",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "a NestJS handler calls a parameter as the ack, but NestJS passes no ack there",
    doc: include_str!("../rules/nest-ack-parameter.md"),
};

pub const PARSE_ERROR: Rule = Rule {
    id: "parse-error",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a file could not be parsed; the rest of the project is still checked",
    doc: include_str!("../rules/parse-error.md"),
};

pub const PAYLOAD_NOT_DESERIALIZABLE: Rule = Rule {
    id: "payload-not-deserializable",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a client sends an object whose keys cannot fill the Rust handler's `Data<T>` struct",
    doc: include_str!("../rules/payload-not-deserializable.md"),
};

pub const RESERVED_EVENT: Rule = Rule {
    id: "reserved-event",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "user code emits a reserved event name, which Socket.IO refuses at runtime",
    doc: include_str!("../rules/reserved-event.md"),
};

pub const UNKNOWN_COMMAND: Rule = Rule {
    id: "unknown-command",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "a Tauri invoke names a command nothing defines",
    doc: include_str!("../rules/unknown-command.md"),
};

pub const UNKNOWN_RULE_IN_SUPPRESSION: Rule = Rule {
    id: "unknown-rule-in-suppression",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "a suppression comment names a rule that does not exist, so it suppresses nothing",
    doc: include_str!("../rules/unknown-rule-in-suppression.md"),
};

pub const UNMATCHED_EMIT: Rule = Rule {
    id: "unmatched-emit",
    severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    summary: "an event is emitted but nothing on the other side of the wire listens for it",
    doc: include_str!("../rules/unmatched-emit.md"),
};

pub const UNMATCHED_HANDLER: Rule = Rule {
    id: "unmatched-handler",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "a handler is registered for an event that nothing emits towards it",
    doc: include_str!("../rules/unmatched-handler.md"),
};

pub const UNUSED_SUPPRESSION: Rule = Rule {
    id: "unused-suppression",
    severity: Severity::Warning,
    fix: FixAvailability::Always,
    summary: "a suppression comment suppresses nothing (reported with --report-unused-suppressions)",
    doc: include_str!("../rules/unused-suppression.md"),
};

/// Every rule, sorted by id.
pub const RULES: &[&Rule] = &[
    &ACK_MISSING,
    &ACK_NOT_ANSWERABLE,
    &ACK_NOT_ON_ALL_PATHS,
    &ACK_UNEXPECTED,
    &ARITY_MISMATCH,
    &AWAIT_NEVER_RESOLVES,
    &BROADCAST_ACK_WITHOUT_TIMEOUT,
    &BROADCAST_EXCLUDES_SENDER,
    &COMMAND_ARGS_MISMATCH,
    &COMMAND_NOT_REGISTERED,
    &COMMAND_UNUSED,
    &DUPLICATE_COMMAND,
    &DYNAMIC_EVENT_NAME,
    &EMIT_AWAITED,
    &EMIT_NOT_AWAITED,
    &EVENT_NAME_INVALID,
    &EVENT_NAME_MISMATCH,
    &GATEWAY_NOT_PROVIDED,
    &HANDLER_REPLACED,
    &LISTENER_AFTER_AWAIT,
    &LISTENER_LEAK,
    &LISTENER_REMOVED_GLOBALLY,
    &MANAGER_EVENT_ON_SOCKET,
    &MIDDLEWARE_BLOCKS,
    &NAMESPACE_MISMATCH,
    &NEST_ACK_PARAMETER,
    &PARSE_ERROR,
    &PAYLOAD_NOT_DESERIALIZABLE,
    &RESERVED_EVENT,
    &UNKNOWN_COMMAND,
    &UNKNOWN_RULE_IN_SUPPRESSION,
    &UNMATCHED_EMIT,
    &UNMATCHED_HANDLER,
    &UNUSED_SUPPRESSION,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_sorted_and_documented() {
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
