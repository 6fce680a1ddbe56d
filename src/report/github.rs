//! `--format github`: GitHub Actions workflow commands, one annotation per finding:
//! `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=<rule>::<message>`.

use std::fmt::Write;

use super::Positions;
use crate::Analysis;
use crate::diagnostic::Severity;

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    let mut out = String::new();
    for d in &analysis.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let at = positions.range(d.file, d.span);
        let mut properties = format!(
            "file={},line={}",
            escape_property(&positions.path(d.file)),
            at.line
        );
        // GitHub rejects columns on an annotation that spans several lines.
        if at.line == at.end_line {
            let _ = write!(properties, ",col={}", at.column);
        }
        let _ = write!(properties, ",endLine={}", at.end_line);
        if at.line == at.end_line {
            let _ = write!(properties, ",endColumn={}", at.end_column);
        }
        let _ = write!(properties, ",title={}", escape_property(d.rule));
        // The other end of the wire is often in another file: name it in the message.
        let mut message = d.message.clone();
        for label in &d.labels {
            let _ = write!(
                message,
                "\n{}: {}",
                positions.location(label.file, label.span),
                label.message
            );
        }
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(out, "::{command} {properties}::{}", escape_data(&message));
    }
    out
}

/// The message of a workflow command, escaped as `@actions/core` `escapeData` does.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value, escaped as `@actions/core` `escapeProperty` does.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
