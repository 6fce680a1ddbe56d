//! A suppression comment naming a rule that does not exist (a typo, or a rule renamed):
//! it suppresses nothing. Found by the engine while it applies suppressions (see
//! `crate::suppress`), so this rule's `check` has nothing to look at in the graph.

use super::Context;
use crate::catalog::RULES;
pub(super) use crate::catalog::UNKNOWN_RULE_IN_SUPPRESSION as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::Span;
use crate::graph::FileId;

pub(super) fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

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
