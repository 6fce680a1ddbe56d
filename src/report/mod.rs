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
        display_path(&self.analysis.files[file].path)
    }
}

/// `/`-separated on every platform, as the JSON spec asks. A path that climbs out of the
/// current directory and back into it (`../web/chat.ts` from `web/`, as a run from a
/// subfolder analyses its project from the root) is shown from the current directory
/// (`chat.ts`), as ruff shows it.
pub fn display_path(path: &std::path::Path) -> String {
    static CWD: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    let shortened = match path.components().next() {
        Some(std::path::Component::ParentDir) => CWD
            .get_or_init(|| std::env::current_dir().ok())
            .as_deref()
            .and_then(|cwd| back_into(cwd, path)),
        _ => None,
    };
    let path = shortened.as_deref().unwrap_or(path);
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// `path`, relative to `cwd` and starting with `..`, without the steps that leave `cwd`
/// only to come back into it: `../../a/b/x.ts` from `/r/a/b` is `x.ts`, `../z/x.ts` from
/// `/r/a` stays. `None` when there is nothing to cancel.
fn back_into(cwd: &std::path::Path, path: &std::path::Path) -> Option<std::path::PathBuf> {
    use std::path::Component;
    let ups = path
        .components()
        .take_while(|c| matches!(c, Component::ParentDir))
        .count();
    let rest: Vec<Component> = path.components().skip(ups).collect();
    if rest.iter().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let cwd: Vec<Component> = cwd.components().collect();
    let left = cwd.get(cwd.len().checked_sub(ups)?..)?;
    if !left.iter().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    // Only whole climbs back down cancel, and the file itself stays.
    let back = left
        .iter()
        .zip(&rest[..rest.len().saturating_sub(1)])
        .take_while(|(up, down)| up == down)
        .count();
    if back == 0 {
        return None;
    }
    let mut shortened = std::path::PathBuf::new();
    for _ in back..ups {
        shortened.push("..");
    }
    for component in &rest[back..] {
        shortened.push(component);
    }
    Some(shortened)
}

#[cfg(test)]
mod path_tests {
    use super::back_into;
    use std::path::{Path, PathBuf};

    #[test]
    fn climbs_back_into_the_current_directory_are_cancelled() {
        let from = |cwd: &str, path: &str| back_into(Path::new(cwd), Path::new(path));
        assert_eq!(from("/p/web", "../web/b.ts"), Some(PathBuf::from("b.ts")));
        assert_eq!(
            from("/p/web/src", "../../web/src/x/b.ts"),
            Some(PathBuf::from("x/b.ts"))
        );
        assert_eq!(
            from("/r/a/b", "../../a/z/x.ts"),
            Some(PathBuf::from("../z/x.ts"))
        );
        assert_eq!(from("/p/web", "../server/a.ts"), None);
        assert_eq!(from("/p/web", "../web"), None, "the last one is the file");
        assert_eq!(from("/", "../a.ts"), None);
        assert_eq!(from("/p/web", "../web/../x.ts"), None);
    }
}
