//! The parts of `wirelint check` that are about the command line, not the analysis:
//! which findings a run reports and fixes ([`scope`]), where and how its output goes
//! ([`output`]), and re-checking on change ([`watch`]).

pub mod output;
pub mod scope;
pub mod watch;

use wirelint::catalog::RULES;

/// A rule id typed on the command line (`--select`, `--ignore`), checked against the
/// catalogue.
pub fn rule_id(typed: &str) -> Result<&'static str, String> {
    match wirelint::catalog::find(typed.trim()) {
        Some(rule) => Ok(rule.id),
        None => Err(format!(
            "unknown rule `{typed}`{} (`wirelint rules` lists them)",
            wirelint::suggest::did_you_mean(typed.trim(), RULES.iter().map(|r| r.id))
        )),
    }
}
