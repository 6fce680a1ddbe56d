//! `--format human`: miette's graphical report, with labels at both ends of the wire.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents, ThemeCharacters, ThemeStyles,
};

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
    source: Option<Framed>,
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

/// How the terminal the report is printed on draws: colours, width, and whether it can
/// draw boxes at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Columns to wrap messages at.
    pub width: usize,
    /// ASCII drawing characters instead of box drawing (`TERM=dumb`, a non-UTF-8 locale).
    pub ascii: bool,
}

/// The width when the output is not a terminal (a file, a pipe, CI logs): fixed, so
/// that the same findings always print the same text.
pub const DEFAULT_WIDTH: usize = 110;

impl Style {
    /// Monochrome, Unicode, [`DEFAULT_WIDTH`] columns: for files, pipes and tests.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: DEFAULT_WIDTH,
            ascii: false,
        }
    }
}

/// Whether the terminal described by these environment variables can draw Unicode
/// boxes: not `TERM=dumb`, and not a locale that is set to something other than UTF-8
/// (the first of `LC_ALL`, `LC_CTYPE`, `LANG` that is set decides, as in libc; none set
/// is taken as able, as on most CI runners).
pub fn can_draw_boxes(var: impl Fn(&str) -> Option<String>) -> bool {
    if var("TERM").is_some_and(|term| term == "dumb") {
        return false;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|value| !value.is_empty()));
    match locale {
        Some(locale) => {
            let locale = locale.to_ascii_lowercase();
            locale.contains("utf-8") || locale.contains("utf8")
        }
        None => true,
    }
}

pub fn render(analysis: &Analysis, style: Style) -> String {
    let characters = if style.ascii {
        ThemeCharacters::ascii()
    } else {
        ThemeCharacters::unicode()
    };
    let styles = if style.color {
        ThemeStyles::ansi()
    } else {
        ThemeStyles::none()
    };
    // Findings: `×` error, `⚠` warning, `ℹ` info. The other end of the wire is a note
    // of its own (`☞`), rendered by a second handler, so an info never looks like one.
    let mut findings_theme = GraphicalTheme {
        characters: characters.clone(),
        styles: styles.clone(),
    };
    let mut notes_theme = GraphicalTheme { characters, styles };
    if style.ascii {
        findings_theme.characters.error = "x".into();
        findings_theme.characters.warning = "!".into();
        findings_theme.characters.advice = "i".into();
        notes_theme.characters.advice = ">".into();
    } else {
        findings_theme.characters.error = "×".into();
        findings_theme.characters.warning = "⚠".into();
        findings_theme.characters.advice = "ℹ".into();
        notes_theme.characters.advice = "☞".into();
    }
    let handler = |theme| {
        GraphicalReportHandler::new_themed(theme)
            .with_width(style.width)
            .with_links(false)
    };
    let (findings, notes) = (handler(findings_theme), handler(notes_theme));
    let mut out = String::new();
    for diagnostic in &analysis.diagnostics {
        let (report, related) = report(analysis, diagnostic);
        if findings.render_report(&mut out, &report).is_err() {
            out.push_str(&format!("{}\n", report.message));
        }
        for note in &related {
            if notes.render_report(&mut out, note).is_err() {
                out.push_str(&format!("  {}\n", note.message));
            }
        }
        out.push_str(&format!(
            "  docs: {}\n\n",
            super::rule_doc_url(diagnostic.rule)
        ));
    }
    out.push_str(&summary_line(analysis));
    out
}

/// The finding, and one note per other file its labels point into (the other end of
/// the wire).
fn report(analysis: &Analysis, diagnostic: &Diagnostic) -> (Report, Vec<Report>) {
    let severity = match diagnostic.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    };
    // Where each file's frame must show: a long line is cut around these.
    let anchors = |file: FileId| -> Vec<u32> {
        let primary = (diagnostic.file == file).then_some(diagnostic.span.start);
        primary
            .into_iter()
            .chain(
                diagnostic
                    .labels
                    .iter()
                    .filter(|l| l.file == file)
                    .map(|l| l.span.start),
            )
            .collect()
    };
    let source = framed(analysis, diagnostic.file, &anchors(diagnostic.file));
    let map = |framed: Option<&Framed>, span: Span| match framed {
        Some(framed) => framed.span(span),
        None => offset_len(span),
    };
    let mut labels = vec![LabeledSpan::new_primary_with_span(
        Some(super::printable(&primary_label(diagnostic)).into_owned()),
        map(source.as_ref(), diagnostic.span),
    )];
    let mut related: Vec<(FileId, Report)> = Vec::new();
    for label in &diagnostic.labels {
        if label.file == diagnostic.file {
            labels.push(LabeledSpan::new_with_span(
                Some(super::printable(&label.message).into_owned()),
                map(source.as_ref(), label.span),
            ));
            continue;
        }
        let note = match related.iter().position(|(file, _)| *file == label.file) {
            Some(i) => &mut related[i].1,
            None => {
                related.push((
                    label.file,
                    Report {
                        message: format!(
                            "the other end of the wire, in {}",
                            path(analysis, label.file)
                        ),
                        code: None,
                        severity: miette::Severity::Advice,
                        help: None,
                        source: framed(analysis, label.file, &anchors(label.file)),
                        labels: Vec::new(),
                        related: Vec::new(),
                    },
                ));
                let last = related.len() - 1;
                &mut related[last].1
            }
        };
        let span = map(note.source.as_ref(), label.span);
        note.labels.push(LabeledSpan::new_with_span(
            Some(super::printable(&label.message).into_owned()),
            span,
        ));
    }
    // The headline says what and which rule, as oxlint and rustc do:
    // `error[unmatched-emit]: "x" is emitted ...`. A finding about a whole file (binary,
    // not UTF-8, unreadable, not a regular file) has no code to frame, so the headline
    // names the file itself.
    let mut message = format!(
        "{}[{}]{}: {}",
        diagnostic.severity.as_str(),
        diagnostic.rule,
        fix_marker(diagnostic),
        super::printable(&diagnostic.message)
    );
    if source.is_none() {
        message.push_str(&format!(" (in {})", path(analysis, diagnostic.file)));
        labels.clear();
    }
    let finding = Report {
        message,
        code: None,
        severity,
        help: diagnostic
            .help
            .as_deref()
            .map(|h| super::printable(h).into_owned()),
        source,
        labels,
        related: Vec::new(),
    };
    (finding, related.into_iter().map(|(_, r)| r).collect())
}

/// Ruff's ` [*]` after the rule when `--fix` fixes the finding (a safe fix).
fn fix_marker(diagnostic: &Diagnostic) -> &'static str {
    let fixable = diagnostic
        .fix
        .as_ref()
        .is_some_and(|fix| fix.applies(false));
    if fixable { " [*]" } else { "" }
}

fn primary_label(diagnostic: &Diagnostic) -> String {
    match (&diagnostic.event, diagnostic.rule) {
        (_, "parse-error") => "here".to_owned(),
        (Some(event), _) => format!("\"{event}\""),
        (None, _) => "here".to_owned(),
    }
}

/// Longest line a code frame shows whole. A longer one (minified or generated code, a
/// data URL) is cut to this many bytes around the finding's column, so that a finding
/// on column 5 000 does not print a 5 000-column line and underline.
const MAX_LINE: usize = 200;
/// How much of a cut line is kept before the finding's column.
const BEFORE_COLUMN: usize = 60;
const ELLIPSIS: &str = "…";

/// A file's text as its code frames show it: lines longer than [`MAX_LINE`] cut around
/// the spans the finding points at, with the columns of the header (`file:line:col`)
/// still those of the file.
#[derive(Debug)]
struct Framed {
    name: String,
    text: String,
    /// Kept pieces of the file: (start in the file, end in the file, start in `text`),
    /// in order. Empty when no line was cut (the text is the file's).
    kept: Vec<(usize, usize, usize)>,
    /// For each cut line (0-based), how many bytes of the file precede the first shown
    /// byte of the line, less the ellipsis that stands for them.
    shifts: Vec<(usize, usize)>,
}

fn framed(analysis: &Analysis, file: FileId, anchors: &[u32]) -> Option<Framed> {
    let text = analysis.files[file].text.as_deref()?;
    let name = path(analysis, file);
    let long = text
        .split('\n')
        .any(|line| line.trim_end_matches('\r').len() > MAX_LINE);
    if !long {
        return Some(Framed {
            name,
            text: text.to_owned(),
            kept: Vec::new(),
            shifts: Vec::new(),
        });
    }
    let mut out = String::with_capacity(text.len().min(1 << 20));
    let mut kept = Vec::new();
    let mut shifts = Vec::new();
    let mut line_start = 0usize;
    for (number, line) in text.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches(['\n', '\r']).len();
        if content <= MAX_LINE {
            kept.push((line_start, line_start + line.len(), out.len()));
            out.push_str(line);
        } else {
            let column = anchors
                .iter()
                .map(|&a| a as usize)
                .filter(|&a| a >= line_start && a <= line_start + content)
                .min()
                .map_or(0, |a| a - line_start);
            let from = floor_boundary(line, column.saturating_sub(BEFORE_COLUMN));
            let to = floor_boundary(line, (from + MAX_LINE).min(content)).max(from);
            if from > 0 {
                out.push_str(ELLIPSIS);
                shifts.push((number, from - ELLIPSIS.len()));
            }
            kept.push((line_start + from, line_start + to, out.len()));
            out.push_str(&line[from..to]);
            if to < content {
                out.push_str(ELLIPSIS);
            }
            kept.push((line_start + content, line_start + line.len(), out.len()));
            out.push_str(&line[content..]);
        }
        line_start += line.len();
    }
    Some(Framed {
        name,
        text: out,
        kept,
        shifts,
    })
}

/// The largest char boundary of `line` at or before `at`.
fn floor_boundary(line: &str, at: usize) -> usize {
    let mut at = at.min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Framed {
    /// Where a byte of the file is in the shown text; a byte that was cut away maps to
    /// the end of the piece kept before it.
    fn offset(&self, offset: usize) -> usize {
        if self.kept.is_empty() {
            return offset;
        }
        let i = self.kept.partition_point(|(start, _, _)| *start <= offset);
        let Some(&(start, end, shown)) = i.checked_sub(1).and_then(|i| self.kept.get(i)) else {
            return 0;
        };
        shown + offset.min(end) - start
    }

    /// A span of the file in the shown text, as miette's (offset, length).
    fn span(&self, span: Span) -> (usize, usize) {
        let start = self.offset(span.start as usize);
        let end = self.offset(span.end as usize).max(start);
        (start, end - start)
    }
}

impl SourceCode for Framed {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // Without lines before it, the contents start at the span, whose column is
        // the header's: on a cut line, count the bytes cut before it too.
        let shift = if context_lines_before == 0 {
            self.shifts
                .iter()
                .find(|(line, _)| *line == contents.line())
                .map_or(0, |(_, shift)| *shift)
        } else {
            0
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            contents.column() + shift,
            contents.line_count(),
        )))
    }
}

fn path(analysis: &Analysis, file: FileId) -> String {
    crate::discover::display_path(&analysis.files[file].path)
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
