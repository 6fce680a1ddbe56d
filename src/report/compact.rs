//! `--format compact`: `file:line:col: severity [rule] message`, one line each, for
//! editors' problem matchers and grep. Labels follow on indented lines.

use std::fmt::Write;

use super::Positions;
use crate::Analysis;

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    let mut out = String::new();
    for d in &analysis.diagnostics {
        let at = positions.range(d.file, d.span);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} [{}] {}",
            positions.path(d.file),
            at.line,
            at.column,
            d.severity.as_str(),
            d.rule,
            d.message
        );
        for label in &d.labels {
            let at = positions.range(label.file, label.span);
            let _ = writeln!(
                out,
                "    {}:{}:{}: {}",
                positions.path(label.file),
                at.line,
                at.column,
                label.message
            );
        }
    }
    out
}
