use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "parse-error",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a file could not be parsed; the rest of the project is still checked",
    doc: include_str!("../../rules/parse-error.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, source) in cx.files.iter().enumerate() {
        if let Some(error) = &source.facts.parse_error {
            out.push(
                Diagnostic::new(&RULE, file, error.span, error.message.clone()).help(
                    "this file's events are left out of matching; findings that could depend on it are not reported",
                ),
            );
        }
    }
}
