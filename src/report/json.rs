//! `--format json`: the contract in `docs/json-output.md`, version 1.

use serde::Serialize;

use super::{Positions, Range};
use crate::Analysis;
use crate::diagnostic::{Applicability, Severity};
use crate::facts::Span;
use crate::graph::FileId;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool,
    root: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Location {
    file: String,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    offset: u32,
    end_offset: u32,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    namespace: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    #[serde(flatten)]
    location: Location,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    description: &'a str,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    file: String,
    offset: u32,
    end_offset: u32,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    replacement: &'a str,
}

#[derive(Serialize)]
pub struct Summary {
    pub files: usize,
    pub parse_errors: usize,
    pub events: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(analysis: &Analysis) -> Summary {
        Summary {
            files: analysis.files.len(),
            parse_errors: analysis.parse_errors,
            events: analysis.events,
            errors: analysis.count(Severity::Error),
            warnings: analysis.count(Severity::Warning),
            infos: analysis.count(Severity::Info),
        }
    }
}

fn location(positions: &mut Positions, file: FileId, span: Span) -> Location {
    let Range {
        line,
        column,
        end_line,
        end_column,
    } = positions.range(file, span);
    Location {
        file: positions.path(file),
        line,
        column,
        end_line,
        end_column,
        offset: span.start,
        end_offset: span.end,
    }
}

pub fn render(analysis: &Analysis, root: &str) -> String {
    let mut positions = Positions::new(analysis);
    let diagnostics = analysis
        .diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            location: location(&mut positions, d.file, d.span),
            event: d.event.as_deref(),
            namespace: d.namespace.as_deref(),
            labels: d
                .labels
                .iter()
                .map(|l| JsonLabel {
                    location: location(&mut positions, l.file, l.span),
                    message: &l.message,
                })
                .collect(),
            help: d.help.as_deref(),
            fix: d.fix.as_ref().map(|fix| JsonFix {
                applicability: fix.applicability,
                description: &fix.description,
                edits: fix
                    .edits
                    .iter()
                    .map(|edit| {
                        let at = location(&mut positions, edit.file, edit.span);
                        JsonEdit {
                            file: at.file,
                            offset: at.offset,
                            end_offset: at.end_offset,
                            line: at.line,
                            column: at.column,
                            end_line: at.end_line,
                            end_column: at.end_column,
                            replacement: &edit.replacement,
                        }
                    })
                    .collect(),
            }),
        })
        .collect();
    let output = Output {
        version: 1,
        tool: Tool {
            name: "wirelint",
            version: env!("CARGO_PKG_VERSION"),
        },
        root,
        diagnostics,
        summary: Summary::of(analysis),
    };
    let mut text = serde_json::to_string_pretty(&output).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}
