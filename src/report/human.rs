//! `--format human`: miette's graphical report, with labels at both ends of the wire.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};

use super::json::Summary;
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::Span;
use crate::graph::FileId;

/// One rendered diagnostic: a primary file, labels in it, and one related report per
/// other file the labels point into.
#[derive(Debug)]
struct Report {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    labels: Vec<LabeledSpan>,
    related: Vec<Report>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

pub fn render(analysis: &Analysis, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_links(false);
    let mut out = String::new();
    for diagnostic in &analysis.diagnostics {
        let report = report(analysis, diagnostic);
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!("{}: {}\n", diagnostic.rule, diagnostic.message));
        }
        out.push('\n');
    }
    out.push_str(&summary_line(analysis));
    out
}

fn report(analysis: &Analysis, diagnostic: &Diagnostic) -> Report {
    let severity = match diagnostic.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(primary_label(diagnostic)),
        offset_len(diagnostic.span),
    )];
    let mut related: Vec<Report> = Vec::new();
    for label in &diagnostic.labels {
        let span = LabeledSpan::new_with_span(Some(label.message.clone()), offset_len(label.span));
        if label.file == diagnostic.file {
            labels.push(span);
            continue;
        }
        match related
            .iter_mut()
            .find(|r| r.code.as_deref() == Some(&path(analysis, label.file)))
        {
            Some(existing) => existing.labels.push(span),
            None => related.push(Report {
                message: format!(
                    "the other end of the wire, in {}",
                    path(analysis, label.file)
                ),
                code: Some(path(analysis, label.file)),
                severity: miette::Severity::Advice,
                help: None,
                source: source(analysis, label.file),
                labels: vec![span],
                related: Vec::new(),
            }),
        }
    }
    for r in &mut related {
        r.code = None;
    }
    Report {
        message: diagnostic.message.clone(),
        code: Some(code(diagnostic)),
        severity,
        help: diagnostic.help.clone(),
        source: source(analysis, diagnostic.file),
        labels,
        related,
    }
}

/// The rule id, with ruff's `[*]` when `--fix` fixes the finding (a safe fix).
fn code(diagnostic: &Diagnostic) -> String {
    let fixable = diagnostic.fix.as_ref().is_some_and(|fix| {
        fix.applicability == crate::diagnostic::Applicability::Safe && !fix.edits.is_empty()
    });
    match fixable {
        true => format!("{} [*]", diagnostic.rule),
        false => diagnostic.rule.to_owned(),
    }
}

fn primary_label(diagnostic: &Diagnostic) -> String {
    match (&diagnostic.event, diagnostic.rule) {
        (_, "parse-error") => "here".to_owned(),
        (Some(event), _) => format!("\"{event}\""),
        (None, _) => "here".to_owned(),
    }
}

fn source(analysis: &Analysis, file: FileId) -> Option<NamedSource<String>> {
    let text = analysis.files[file].text.as_deref()?;
    Some(NamedSource::new(path(analysis, file), text.to_owned()))
}

fn path(analysis: &Analysis, file: FileId) -> String {
    super::display_path(&analysis.files[file].path)
}

fn offset_len(span: Span) -> (usize, usize) {
    (
        span.start as usize,
        span.end.saturating_sub(span.start) as usize,
    )
}

fn summary_line(analysis: &Analysis) -> String {
    let summary = Summary::of(analysis);
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut line = if summary.errors + summary.warnings + summary.infos == 0 {
        format!("wirelint: no problems in {}", plural(summary.files, "file"))
    } else {
        format!(
            "wirelint: {}, {}, {} in {}",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning"),
            plural(summary.infos, "info"),
            plural(summary.files, "file")
        )
    };
    line.push_str(&format!(
        " ({} across the wire)\n",
        plural(summary.events, "event")
    ));
    line
}
