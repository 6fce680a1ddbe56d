//! A suppression comment that suppresses nothing. The engine finds these while it
//! applies suppressions (see `crate::suppress`), after every other rule has run: this
//! rule's `check` has nothing to look at in the graph. Reported by the command line only
//! with `--report-unused-suppressions`, as ESLint's `--report-unused-disable-directives`
//! and ruff's RUF100.

use super::Context;
pub(super) use crate::catalog::UNUSED_SUPPRESSION as RULE;
use crate::diagnostic::{Diagnostic, Fix};
use crate::facts::Span;
use crate::graph::FileId;

pub(super) fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

/// `unused`: the rule ids of the comment that suppressed nothing, when others did.
pub fn diagnostic(
    file: FileId,
    comment: Span,
    unused: Option<&[&str]>,
    fix: Option<Fix>,
) -> Diagnostic {
    let message = match unused {
        None => {
            "this suppression comment suppresses nothing: no finding is reported where it applies"
                .to_owned()
        }
        Some(rules) => format!(
            "{} in this suppression comment suppress{} nothing: no such finding is reported where it applies",
            rules
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if rules.len() == 1 { "es" } else { "" }
        ),
    };
    Diagnostic::new(&RULE, file, comment, message)
        .help("remove it: a stale suppression would hide the next real finding there")
        .fix(fix)
}
