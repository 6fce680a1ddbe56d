//! A suppression comment naming a rule that does not exist (a typo, or a rule renamed):
//! it suppresses nothing. Found by the engine while it applies suppressions (see
//! `crate::suppress`), so this rule's `check` has nothing to look at in the graph.

use super::{Context, FixAvailability, RULES, Rule};
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};
use crate::facts::Span;
use crate::graph::FileId;

pub const RULE: Rule = Rule {
    id: "unknown-rule-in-suppression",
    severity: Severity::Warning,
    fix: FixAvailability::Sometimes,
    summary: "a suppression comment names a rule that does not exist, so it suppresses nothing",
    doc: include_str!("../../rules/unknown-rule-in-suppression.md"),
    check,
};

fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

pub fn diagnostic(file: FileId, span: Span, typed: &str) -> Diagnostic {
    let close = crate::suggest::closest(typed, RULES.iter().map(|r| r.id));
    let message = match close {
        Some(rule) => format!(
            "`{typed}` is not a wirelint rule, so this comment suppresses nothing; did you mean `{rule}`?"
        ),
        None => format!("`{typed}` is not a wirelint rule, so this comment suppresses nothing"),
    };
    // The closest id is a guess of what was meant: a suggestion.
    let fix = close.map(|rule| Fix {
        applicability: Applicability::Suggestion,
        description: format!("write `{rule}`"),
        edits: vec![Edit {
            file,
            span,
            replacement: rule.to_owned(),
        }],
    });
    Diagnostic::new(&RULE, file, span, message)
        .help("`wirelint rules` lists the rule ids")
        .fix(fix)
}
