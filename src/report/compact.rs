//! `--format compact`: `file:line:col: severity [rule] message`, one line each, for
//! editors' problem matchers and grep. Labels follow on indented lines.

use std::fmt::Write;

use super::Positions;
use crate::Analysis;

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    let mut out = String::new();
    for d in &analysis.diagnostics {
        let _ = writeln!(
            out,
            "{}: {} [{}] {}",
            positions.location(d.file, d.span),
            d.severity.as_str(),
            d.rule,
            super::printable(&d.message)
        );
        for label in &d.labels {
            let _ = writeln!(
                out,
                "    {}: {}",
                positions.location(label.file, label.span),
                super::printable(&label.message)
            );
        }
    }
    out
}
