//! Renderers of the diagnostic list. Each format is one file.

pub mod compact;
pub mod github;
pub mod gitlab;
pub mod graph;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::HashMap;

use crate::Analysis;
use crate::facts::Span;
use crate::graph::FileId;
use crate::source::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// `file:line:col: severity [rule] message`, one line per finding; the other ends
    /// of the wire follow on continuation lines indented by four spaces.
    Compact,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// GitLab Code Quality report (JSON), for `artifacts: reports: codequality`.
    Gitlab,
    /// JUnit XML, one test case per finding, for CI test-report views.
    Junit,
}

/// Where the project lives; rule pages are linked from here (`Cargo.toml` `repository`).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The documentation page of a rule, `rules/<id>.md` in the repository, at the tag of
/// this version (`v0.1.0`): the page that describes the rule as this build checks it,
/// not as `main` may have changed it since.
pub fn rule_doc_url(id: &str) -> String {
    format!(
        "{REPOSITORY}/blob/v{}/rules/{id}.md",
        env!("CARGO_PKG_VERSION")
    )
}

/// Text from the analysed code (an event name can hold any character) made safe for a
/// terminal and for one-line formats: control characters are written as Rust escapes
/// (`\n`, `\u{1b}`), so a name cannot break a line or send an escape sequence.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Lines and columns for spans, with one line index per file built on demand.
pub struct Positions<'a> {
    analysis: &'a Analysis,
    indexes: HashMap<FileId, LineIndex>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl<'a> Positions<'a> {
    pub fn new(analysis: &'a Analysis) -> Positions<'a> {
        Positions {
            analysis,
            indexes: HashMap::new(),
        }
    }

    pub fn range(&mut self, file: FileId, span: Span) -> Range {
        let Some(text) = self.analysis.files[file].text.as_deref() else {
            return Range {
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
            };
        };
        let index = self
            .indexes
            .entry(file)
            .or_insert_with(|| LineIndex::new(text));
        let (line, column) = index.position(text, span.start);
        let (end_line, end_column) = index.position(text, span.end);
        Range {
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// `path:line:column`, the form editors and terminals turn into links.
    pub fn location(&mut self, file: FileId, span: Span) -> String {
        let at = self.range(file, span);
        format!("{}:{}:{}", self.path(file), at.line, at.column)
    }

    pub fn path(&self, file: FileId) -> String {
        crate::discover::display_path(&self.analysis.files[file].path)
    }
}
