//! Applying fixes: in passes, never overlapping, never breaking the parse, written
//! atomically with line endings, BOM and permissions kept.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostic::Fix;
use crate::discover::{self, DiscoverError};
use crate::facts::Span;
use crate::{Analysis, Options, Overlay, analyze_with, lang};

/// Converging takes one pass per layer of overlapping fixes; more means a loop.
const MAX_PASSES: usize = 10;

#[derive(Clone, Copy, Debug)]
pub struct FixOptions {
    /// Apply suggestions too, not only safe fixes.
    pub unsafe_fixes: bool,
}

#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Every changed file: (text before, text after), as bytes on disk would hold them.
    pub changed: BTreeMap<PathBuf, (String, String)>,
    /// Fixes applied, by rule.
    pub applied: BTreeMap<&'static str, usize>,
    /// Fixes that were dropped because the result no longer parsed.
    pub reverted: Vec<String>,
    /// Every fix taken: its rule and the files it edits, so that a fix whose file could
    /// not be written is not counted as applied.
    pub taken: Vec<(&'static str, Vec<PathBuf>)>,
}

impl FixOutcome {
    /// The fixes applied by rule, leaving out those that edit a file in `unwritten`.
    pub fn applied_except(&self, unwritten: &[PathBuf]) -> BTreeMap<&'static str, usize> {
        let mut applied = BTreeMap::new();
        for (rule, files) in &self.taken {
            if !files.iter().any(|file| unwritten.contains(file)) {
                *applied.entry(*rule).or_default() += 1;
            }
        }
        applied
    }
}

/// A file `--fix` could not write.
#[derive(Debug)]
pub struct WriteFailure {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for WriteFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: cannot write the fixed file: {}",
            crate::discover::display_path(&self.path),
            self.message
        )
    }
}

/// Runs the fix passes in memory, under the run's `setup` (configuration). Nothing is
/// written; see [`write`].
pub fn plan(
    paths: &[PathBuf],
    options: FixOptions,
    mut setup: Options,
) -> Result<(FixOutcome, Analysis), DiscoverError> {
    plan_scoped(paths, options, &mut setup, &|_| {})
}

/// [`plan`], fixing only the findings `scope` keeps: the ones the run reports
/// (`--only-files`, `--baseline`, `--select`...), as ESLint and ruff do. `scope` is
/// applied to every pass's analysis, and the analysis returned is scoped too. The
/// overlay of `setup` is left as it was, so the same setup can analyse the disk again.
pub fn plan_scoped(
    paths: &[PathBuf],
    options: FixOptions,
    setup: &mut Options,
    scope: &dyn Fn(&mut Analysis),
) -> Result<(FixOutcome, Analysis), DiscoverError> {
    let mut outcome = FixOutcome::default();
    let mut originals: BTreeMap<PathBuf, String> = BTreeMap::new();
    let stdin = setup
        .stdin
        .as_ref()
        .map(|(path, text)| (crate::discover::absolute(path), text.clone()));
    let mut analysis = analyze_with(paths, setup)?;
    scope(&mut analysis);
    for _ in 0..MAX_PASSES {
        let applied = pass(
            &analysis,
            options,
            &mut Texts {
                overlay: &mut setup.overlay,
                stdin: stdin.as_ref(),
            },
            &mut originals,
            &mut outcome,
        );
        if applied == 0 {
            break;
        }
        analysis = analyze_with(paths, setup)?;
        scope(&mut analysis);
    }
    let overlay = &mut setup.overlay;
    for (path, original) in originals {
        if let Some(fixed) = overlay.remove(&path)
            && fixed != original
        {
            outcome.changed.insert(path, (original, fixed));
        }
    }
    Ok((outcome, analysis))
}

/// One pass: takes every applicable fix that does not overlap one already taken and
/// keeps the file parsing. Returns how many were taken.
/// Where the text a fix edits comes from: fixes not yet written, the editor's buffer on
/// stdin (by absolute path), else the disk.
struct Texts<'a> {
    overlay: &'a mut Overlay,
    stdin: Option<&'a (PathBuf, Vec<u8>)>,
}

fn pass(
    analysis: &Analysis,
    options: FixOptions,
    texts: &mut Texts<'_>,
    originals: &mut BTreeMap<PathBuf, String>,
    outcome: &mut FixOutcome,
) -> usize {
    let mut fixes: Vec<(&'static str, &Fix)> = analysis
        .diagnostics
        .iter()
        .filter_map(|d| Some((d.rule, d.fix.as_ref()?)))
        .filter(|(_, fix)| fix.applies(options.unsafe_fixes))
        .collect();
    fixes.sort_by_key(|(rule, fix)| {
        let first = &fix.edits[0];
        (
            analysis.files[first.file].path.clone(),
            first.span.start,
            *rule,
        )
    });
    // Text each file had when this pass's analysis ran, and the edits taken on it.
    let mut base: HashMap<usize, String> = HashMap::new();
    let mut taken: HashMap<usize, Vec<(Span, String)>> = HashMap::new();
    let mut count = 0;
    'fixes: for (rule, fix) in fixes {
        let mut trial: HashMap<usize, Vec<(Span, String)>> = HashMap::new();
        for edit in &fix.edits {
            let edits = taken.get(&edit.file).map_or(&[][..], Vec::as_slice);
            let overlaps = edits
                .iter()
                .chain(trial.get(&edit.file).into_iter().flatten())
                .any(|(span, _)| {
                    span.start < edit.span.end && edit.span.start < span.end || span == &edit.span
                });
            if overlaps {
                // Waits for the next pass, after the text has changed.
                continue 'fixes;
            }
            trial
                .entry(edit.file)
                .or_default()
                .push((edit.span, edit.replacement.clone()));
        }
        // All files of one fix change together or not at all.
        let mut results = Vec::new();
        for (&file, edits) in &trial {
            let path = &analysis.files[file].path;
            let Some(text) = current_text(&mut base, file, path, texts) else {
                continue 'fixes;
            };
            let mut all = taken.get(&file).cloned().unwrap_or_default();
            all.extend(edits.iter().cloned());
            let fixed = apply_edits(&text, &all);
            if let Some(kind) = discover::classify(path)
                && let Err(message) = lang::check_syntax(&fixed, kind)
            {
                outcome.reverted.push(format!(
                    "{}: the `{rule}` fix was not applied because the file would no longer parse ({message})",
                    crate::discover::display_path(path)
                ));
                continue 'fixes;
            }
            results.push((file, fixed));
        }
        for (file, fixed) in results {
            let path = analysis.files[file].path.clone();
            if let Some(text) = base.get(&file) {
                originals
                    .entry(path.clone())
                    .or_insert_with(|| text.clone());
            }
            texts.overlay.insert(path, fixed);
        }
        let mut edited: Vec<PathBuf> = trial
            .keys()
            .map(|&file| analysis.files[file].path.clone())
            .collect();
        edited.sort();
        outcome.taken.push((rule, edited));
        for (file, edits) in trial {
            taken.entry(file).or_default().extend(edits);
        }
        *outcome.applied.entry(rule).or_default() += 1;
        count += 1;
    }
    count
}

/// The text a pass started from: the overlay's, or the file on disk.
fn current_text(
    base: &mut HashMap<usize, String>,
    file: usize,
    path: &Path,
    texts: &Texts<'_>,
) -> Option<String> {
    if let Some(text) = base.get(&file) {
        return Some(text.clone());
    }
    let stdin = texts
        .stdin
        .filter(|(stdin_path, _)| *stdin_path == crate::discover::absolute(path));
    let text = match (texts.overlay.get(path), stdin) {
        (Some(text), _) => text.clone(),
        (None, Some((_, buffer))) => String::from_utf8(buffer.clone()).ok()?,
        (None, None) => String::from_utf8(std::fs::read(path).ok()?).ok()?,
    };
    base.insert(file, text.clone());
    Some(text)
}

/// Applies non-overlapping edits, last first so earlier offsets stay valid. Inserted
/// line breaks follow the file's (CRLF stays CRLF).
pub fn apply_edits(text: &str, edits: &[(Span, String)]) -> String {
    let crlf = text.contains("\r\n");
    let mut sorted: Vec<&(Span, String)> = edits.iter().collect();
    sorted.sort_by_key(|(span, _)| std::cmp::Reverse((span.start, span.end)));
    let mut out = text.to_owned();
    for (span, replacement) in sorted {
        let (start, end) = (span.start as usize, span.end as usize);
        if end > out.len() || !out.is_char_boundary(start) || !out.is_char_boundary(end) {
            continue;
        }
        let replacement = if crlf {
            replacement.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            replacement.clone()
        };
        out.replace_range(start..end, &replacement);
    }
    out
}

/// Writes every changed file atomically (a temporary file in the same directory, then
/// a rename), keeping its permissions, except `skip` (the stdin buffer, which is
/// printed instead). Returns the files that could not be written.
pub fn write(outcome: &FixOutcome, skip: Option<&Path>) -> Vec<WriteFailure> {
    let skip = skip.map(crate::discover::absolute);
    let mut failures = Vec::new();
    for (path, (_, fixed)) in &outcome.changed {
        if skip.as_ref() == Some(&crate::discover::absolute(path)) {
            continue;
        }
        if let Err(error) = write_atomically(path, fixed) {
            failures.push(WriteFailure {
                path: path.clone(),
                message: error.to_string(),
            });
        }
    }
    failures
}

/// After [`write`] failed on `unwritten`: a fix that edits one of those files and
/// others must not stay half applied, so those others get their original text back
/// (and, in turn, any fix they share with further files). Returns every file left as it
/// was before the run, and the files that could not be restored either.
pub fn roll_back_entangled(
    outcome: &FixOutcome,
    unwritten: &[PathBuf],
) -> (Vec<PathBuf>, Vec<WriteFailure>) {
    let mut untouched: Vec<PathBuf> = unwritten.to_vec();
    // Each round adds the files sharing a fix with one already untouched; it ends when
    // a round adds none, after at most one round per file.
    loop {
        let before = untouched.len();
        for (_, files) in &outcome.taken {
            if files.iter().any(|file| untouched.contains(file)) {
                for file in files {
                    if !untouched.contains(file) {
                        untouched.push(file.clone());
                    }
                }
            }
        }
        if untouched.len() == before {
            break;
        }
    }
    let mut failures = Vec::new();
    for path in &untouched {
        if unwritten.contains(path) {
            continue;
        }
        if let Some((original, _)) = outcome.changed.get(path)
            && let Err(error) = write_atomically(path, original)
        {
            failures.push(WriteFailure {
                path: path.clone(),
                message: format!("cannot restore it after a partly written fix: {error}"),
            });
        }
    }
    untouched.sort();
    (untouched, failures)
}

fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    std::fs::set_permissions(temp.path(), permissions)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The unified diff of every change, as `--diff` prints it.
pub fn diff(outcome: &FixOutcome) -> String {
    outcome
        .changed
        .iter()
        .map(|(path, (before, after))| unified_diff(path, before, after, 3))
        .collect()
}

/// A git-style unified diff of one file (`a/` and `b/` prefixes for relative paths).
pub fn unified_diff(path: &Path, before: &str, after: &str, context: usize) -> String {
    let name = crate::discover::display_path(path);
    let (old, new) = if name.starts_with('/') {
        (name.clone(), name)
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(context)
        .header(&old, &new)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;

    #[test]
    fn edits_apply_last_first_and_keep_crlf() {
        let text = "a\r\nb\r\nc\r\n";
        let edits = vec![
            (Span::new(0, 1), "x\ny".to_owned()),
            (Span::new(6, 7), "z".to_owned()),
        ];
        assert_eq!(apply_edits(text, &edits), "x\r\ny\r\nb\r\nz\r\n");
    }

    #[test]
    fn a_fix_that_breaks_the_parse_is_reverted() {
        use crate::diagnostic::{Diagnostic, Edit, Severity};
        use crate::graph::{EventGraph, SourceFile};
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.ts");
        let text = "const a = 1;\n";
        std::fs::write(&path, text).expect("write");
        let fix = |replacement: &str| Fix {
            applicability: Applicability::Safe,
            description: String::new(),
            edits: vec![Edit {
                file: 0,
                span: Span::new(10, 11),
                replacement: replacement.to_owned(),
            }],
        };
        let diagnostic = |fix| Diagnostic {
            rule: "unmatched-emit",
            severity: Severity::Error,
            message: String::new(),
            file: 0,
            span: Span::new(0, 1),
            event: None,
            namespace: None,
            labels: Vec::new(),
            help: None,
            fix: Some(fix),
        };
        let analysis = Analysis {
            files: vec![SourceFile {
                bytes: 0,
                path: path.clone(),
                facts: Default::default(),
                text: Some(text.into()),
                lines: Default::default(),
                socketio_major: None,
            }],
            graph: EventGraph::default(),
            diagnostics: vec![diagnostic(fix("{")), diagnostic(fix("2"))],
            events: 0,
            parse_errors: 0,
            sides: (false, false),
            timings: Default::default(),
            generated: Vec::new(),
            minified: Vec::new(),
        };
        let mut overlay = Overlay::new();
        let mut originals = BTreeMap::new();
        let mut outcome = FixOutcome::default();
        let options = FixOptions {
            unsafe_fixes: false,
        };
        let taken = pass(
            &analysis,
            options,
            &mut Texts {
                overlay: &mut overlay,
                stdin: None,
            },
            &mut originals,
            &mut outcome,
        );
        // The breaking fix is dropped and named; the good one still applies.
        assert_eq!(taken, 1);
        assert_eq!(outcome.reverted.len(), 1);
        assert!(outcome.reverted[0].contains("unmatched-emit"));
        assert_eq!(
            overlay.get(&path).map(String::as_str),
            Some("const a = 2;\n")
        );
    }

    #[test]
    fn a_file_that_cannot_be_written_is_reported_and_the_others_are_fixed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("good.ts");
        std::fs::write(&good, "a").expect("write");
        // A directory where the file should be: the rename onto it fails.
        let blocked = dir.path().join("blocked.ts");
        std::fs::create_dir(&blocked).expect("mkdir");
        let mut outcome = FixOutcome::default();
        outcome
            .changed
            .insert(blocked.clone(), ("a".to_owned(), "b".to_owned()));
        outcome
            .changed
            .insert(good.clone(), ("a".to_owned(), "b".to_owned()));
        let failures = write(&outcome, None);
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].path, blocked);
        assert!(failures[0].to_string().contains("blocked.ts"));
        assert_eq!(std::fs::read_to_string(&good).expect("read"), "b");
    }

    #[test]
    fn a_fix_across_files_is_undone_where_one_of_them_cannot_be_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (shared, alone, blocked) = (
            dir.path().join("shared.ts"),
            dir.path().join("alone.ts"),
            dir.path().join("blocked.ts"),
        );
        std::fs::write(&shared, "a").expect("write");
        std::fs::write(&alone, "a").expect("write");
        std::fs::create_dir(&blocked).expect("mkdir");
        let mut outcome = FixOutcome::default();
        for path in [&shared, &alone, &blocked] {
            outcome
                .changed
                .insert(path.clone(), ("a".to_owned(), "b".to_owned()));
        }
        outcome.taken = vec![
            ("unmatched-emit", vec![blocked.clone(), shared.clone()]),
            ("ack-missing", vec![alone.clone()]),
        ];
        let failures = write(&outcome, None);
        let unwritten: Vec<PathBuf> = failures.into_iter().map(|f| f.path).collect();
        assert_eq!(unwritten, std::slice::from_ref(&blocked));
        let (untouched, failures) = roll_back_entangled(&outcome, &unwritten);
        assert!(failures.is_empty());
        assert_eq!(untouched, [blocked, shared.clone()]);
        assert_eq!(std::fs::read_to_string(&shared).expect("read"), "a");
        assert_eq!(std::fs::read_to_string(&alone).expect("read"), "b");
        assert_eq!(
            outcome.applied_except(&untouched).get("ack-missing"),
            Some(&1)
        );
        assert_eq!(
            outcome.applied_except(&untouched).get("unmatched-emit"),
            None
        );
    }

    #[test]
    fn out_of_range_edits_are_ignored() {
        assert_eq!(
            apply_edits("ab", &[(Span::new(1, 9), "z".to_owned())]),
            "ab"
        );
    }
}
