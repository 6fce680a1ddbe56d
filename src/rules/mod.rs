//! The rule registry. A rule is one file: its id, default severity, fix availability,
//! documentation page and one pure `check` function over the event graph.

mod dynamic_event_name;
mod namespace_mismatch;
mod parse_error;
mod reserved_event;
mod similar;
mod unmatched_emit;
mod unmatched_handler;

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::{EventGraph, SourceFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

pub struct Context<'a> {
    pub graph: &'a EventGraph,
    pub files: &'a [SourceFile],
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
    &dynamic_event_name::RULE,
    &namespace_mismatch::RULE,
    &parse_error::RULE,
    &reserved_event::RULE,
    &unmatched_emit::RULE,
    &unmatched_handler::RULE,
];

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

/// Events Socket.IO itself emits or listens for: never "unmatched".
pub const BUILTIN_EVENTS: &[&str] = &[
    "close",
    "connect",
    "connect_error",
    "connect_timeout",
    "connecting",
    "connection",
    "disconnect",
    "disconnecting",
    "error",
    "new_namespace",
    "newListener",
    "open",
    "packet",
    "ping",
    "pong",
    "reconnect",
    "reconnect_attempt",
    "reconnect_error",
    "reconnect_failed",
    "reconnecting",
    "removeListener",
];

/// Names `emit` refuses with `Error('"<name>" is a reserved event name')`.
pub const RESERVED_EVENTS: &[&str] = &[
    "connect",
    "connect_error",
    "disconnect",
    "disconnecting",
    "newListener",
    "removeListener",
];

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
