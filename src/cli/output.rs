//! Where a report goes (`-o`), whether it is coloured (`--color`, `NO_COLOR`,
//! `FORCE_COLOR`, `CLICOLOR_FORCE`), and the lines after the human report: fix hints
//! as ruff gives them, what the baseline hid, and `--statistics`.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;

use wirelint::Analysis;
use wirelint::diagnostic::Severity;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal, unless `NO_COLOR` is set; `FORCE_COLOR` or
    /// `CLICOLOR_FORCE` colour anywhere.
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether the human report is coloured. An explicit `--color` wins over the
/// environment; `NO_COLOR` wins over `FORCE_COLOR` (<https://no-color.org>).
pub fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto if set("FORCE_COLOR") || set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto => to_terminal,
    }
}

/// Whether the report goes to a terminal: stdout is one and there is no `-o FILE`.
pub fn to_terminal(output_file: Option<&Path>) -> bool {
    output_file.is_none() && std::io::stdout().is_terminal()
}

/// The width of the human report. On a terminal: `COLUMNS` when the shell exports a
/// number, else what the terminal says (`terminal_columns`, the `TIOCGWINSZ` ioctl,
/// asked only then), never below [`MIN_WIDTH`]. Elsewhere, or when neither says:
/// [`DEFAULT_WIDTH`](wirelint::report::human::DEFAULT_WIDTH), so that a pipe or a file
/// always gets the same text.
pub fn report_width(
    terminal: bool,
    columns: Option<&str>,
    terminal_columns: impl FnOnce() -> Option<usize>,
) -> usize {
    if !terminal {
        return wirelint::report::human::DEFAULT_WIDTH;
    }
    columns
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(terminal_columns)
        .map_or(wirelint::report::human::DEFAULT_WIDTH, |c| c.max(MIN_WIDTH))
}

/// The narrowest report: below it a code frame no longer fits.
pub const MIN_WIDTH: usize = 40;

/// The fixes left in the reported findings: `(applicable, hidden)`, where applicable
/// ones are what `--fix` would apply (suggestions too with `--unsafe-fixes`) and hidden
/// ones the suggestions it would not.
pub fn fix_counts(analysis: &Analysis, unsafe_fixes: bool) -> (usize, usize) {
    let mut applicable = 0;
    let mut hidden = 0;
    for fix in analysis.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
        if fix.applies(unsafe_fixes) {
            applicable += 1;
        } else if fix.applies(true) {
            // A suggestion `--unsafe-fixes` would apply.
            hidden += 1;
        }
    }
    (applicable, hidden)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The lines after the human report's summary.
pub fn hints(analysis: &Analysis, unsafe_fixes: bool, hidden_by_baseline: usize) -> String {
    let mut out = String::new();
    if hidden_by_baseline > 0 {
        out.push_str(&format!(
            "wirelint: {} hidden by the baseline\n",
            plural(hidden_by_baseline, "finding", "findings")
        ));
    }
    let (applicable, hidden) = fix_counts(analysis, unsafe_fixes);
    if applicable > 0 {
        let flags = match unsafe_fixes {
            true => "--fix --unsafe-fixes",
            false => "--fix",
        };
        out.push_str(&format!("[*] {applicable} fixable with `{flags}`\n"));
    }
    if hidden > 0 {
        out.push_str(&format!(
            "{} can be enabled with `--unsafe-fixes`\n",
            plural(hidden, "hidden fix", "hidden fixes")
        ));
    }
    out
}

/// `--statistics`: one line per rule, most findings first: count, rule id, severity,
/// and how many of them `--fix` can fix.
pub fn statistics(analysis: &Analysis, unsafe_fixes: bool) -> String {
    // (findings, fixable, highest severity) per rule.
    let mut by_rule: BTreeMap<&str, (usize, usize, Severity)> = BTreeMap::new();
    for d in &analysis.diagnostics {
        let entry = by_rule.entry(d.rule).or_insert((0, 0, d.severity));
        entry.0 += 1;
        entry.2 = entry.2.max(d.severity);
        let fixable = d.fix.as_ref().is_some_and(|fix| fix.applies(unsafe_fixes));
        if fixable {
            entry.1 += 1;
        }
    }
    let mut rows: Vec<_> = by_rule.into_iter().collect();
    rows.sort_by(|(a_rule, a), (b_rule, b)| b.0.cmp(&a.0).then(a_rule.cmp(b_rule)));
    let width = wirelint::catalog::RULES
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (rule, (count, fixable, severity)) in &rows {
        let fixes = match fixable {
            0 => String::new(),
            n => format!("  [*] {n} fixable"),
        };
        let line = format!("{count:>5}  {rule:<width$} {:<8}{fixes}", severity.as_str());
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let total: usize = rows.iter().map(|(_, (count, _, _))| count).sum();
    let fixable: usize = rows.iter().map(|(_, (_, fixable, _))| fixable).sum();
    out.push_str(&format!(
        "{} in total, {fixable} fixable with `--fix`\n",
        plural(total, "finding", "findings")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use wirelint::report::human::DEFAULT_WIDTH;

    fn never_asked() -> Option<usize> {
        panic!("the terminal is not asked")
    }

    #[test]
    fn not_a_terminal_is_the_fixed_width_whatever_the_environment() {
        assert_eq!(report_width(false, Some("80"), never_asked), DEFAULT_WIDTH);
        assert_eq!(report_width(false, None, never_asked), DEFAULT_WIDTH);
    }

    #[test]
    fn columns_wins_over_the_terminal() {
        assert_eq!(report_width(true, Some("80"), never_asked), 80);
        assert_eq!(report_width(true, Some(" 200 "), never_asked), 200);
    }

    #[test]
    fn the_terminal_says_when_columns_does_not() {
        assert_eq!(report_width(true, None, || Some(132)), 132);
        assert_eq!(report_width(true, Some("wide"), || Some(90)), 90);
        assert_eq!(report_width(true, Some("0"), || Some(90)), 90);
        assert_eq!(report_width(true, Some(""), || Some(90)), 90);
    }

    #[test]
    fn nothing_known_is_the_fixed_width() {
        assert_eq!(report_width(true, None, || None), DEFAULT_WIDTH);
        assert_eq!(report_width(true, Some("x"), || None), DEFAULT_WIDTH);
    }

    #[test]
    fn never_narrower_than_a_code_frame() {
        assert_eq!(report_width(true, Some("10"), never_asked), MIN_WIDTH);
        assert_eq!(report_width(true, None, || Some(20)), MIN_WIDTH);
    }
}
