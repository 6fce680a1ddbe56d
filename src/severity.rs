//! Severity that matches the damage, applied to every rule's findings in one place after
//! the rules ran, suppressions were applied and `[rules]` set each rule's level:
//!
//! - a finding located in test code is `info` (unless `[tests] severity = "as-is"`):
//!   tests emit unknown events, register handlers that must never fire and drive raw
//!   frames on purpose; their sites still pair with the app's;
//! - an `error` inside a function or method that nothing references (its name occurs
//!   nowhere else) is a `warning` "in code nothing calls": it breaks nothing until the
//!   code is called.
//!
//! Both only lower a severity, never raise it. `[rules]` sets the level a rule starts
//! from, as ESLint's and ruff's rule settings do; test code and code nothing calls then
//! lower that level, as a per-path override would (`[tests] severity = "as-is"` turns
//! the first off).

use std::borrow::Cow;
use std::path::PathBuf;

use crate::config::{Config, TestSeverity};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::{NamedScope, Span};
use crate::graph::{FileId, SourceFile};

/// Names frameworks call without the project naming them: lifecycle hooks of Vue,
/// React class components, Angular, NestJS and custom elements. A finding in one of
/// these is never "in code nothing calls".
const CALLED_BY_FRAMEWORKS: &[&str] = &[
    // Vue
    "setup",
    "data",
    "beforeCreate",
    "created",
    "beforeMount",
    "mounted",
    "beforeUpdate",
    "updated",
    "activated",
    "deactivated",
    "beforeUnmount",
    "unmounted",
    "beforeDestroy",
    "destroyed",
    "errorCaptured",
    // React class components
    "constructor",
    "render",
    "componentDidMount",
    "componentDidUpdate",
    "componentWillUnmount",
    "componentWillMount",
    "UNSAFE_componentWillMount",
    "getDerivedStateFromProps",
    // Angular
    "ngOnInit",
    "ngOnChanges",
    "ngOnDestroy",
    "ngAfterViewInit",
    "ngAfterContentInit",
    // NestJS
    "afterInit",
    "handleConnection",
    "handleDisconnect",
    "onModuleInit",
    "onModuleDestroy",
    "onApplicationBootstrap",
    // Custom elements
    "connectedCallback",
    "disconnectedCallback",
];

/// Which files are test code, from the configuration and the checked paths: asked only
/// of the files `diagnostics` are located in (the others are `false`), since matching
/// a path against the test globs costs more than the rest of this module.
pub fn test_files(
    files: &[SourceFile],
    diagnostics: &[Diagnostic],
    config: &Config,
    roots: &[PathBuf],
) -> Vec<bool> {
    let root_dirs = crate::config::root_dirs(roots);
    let mut test_files = vec![false; files.len()];
    let mut asked = vec![false; files.len()];
    for d in diagnostics {
        if let (Some(file), Some(asked)) = (files.get(d.file), asked.get_mut(d.file))
            && !*asked
        {
            *asked = true;
            test_files[d.file] = config.is_test_file(&file.path, &root_dirs);
        }
    }
    test_files
}

/// The text of an analysed file and the quotes of its code's string literals (see
/// `lang::code_quotes`); `None` for a file that was not analysed (minified, binary,
/// unreadable), which names no function.
pub type Code<'t> = Option<(Cow<'t, str>, &'static [u8])>;

/// Which texts a [`Code`] source gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texts {
    /// Those kept after extraction (files with sites): no file is read.
    Kept,
    /// The others, read again.
    Unkept,
}

/// Lowers the findings located in test code and in code nothing calls. `code(file,
/// texts)` gives a file's text. It is asked only when an error is inside a named
/// function whose name its own file does not use again; the kept texts are searched
/// for all such names at once, and the other files are read only for names not found.
pub fn adjust<'f>(
    diagnostics: &mut [Diagnostic],
    files: &'f [SourceFile],
    test_files: &[bool],
    config: &Config,
    code: &(dyn Fn(FileId, Texts) -> Code<'f> + Sync),
) {
    let mut uncalled: Vec<Option<Vec<&'f NamedScope>>> = Vec::with_capacity(diagnostics.len());
    for d in diagnostics.iter_mut() {
        if config.test_severity == TestSeverity::Info
            && in_test_code(files, test_files, d.file, d.span)
        {
            d.severity = d.severity.min(Severity::Info);
            uncalled.push(None);
            continue;
        }
        uncalled.push(
            (d.severity == Severity::Error)
                .then(|| scopes_around(files, d.file, d.span, &|file| code(file, Texts::Kept))),
        );
    }
    let mut questions: Vec<(&str, FileId)> = (diagnostics.iter().zip(&uncalled))
        .flat_map(|(d, scopes)| {
            (scopes.iter().flatten()).map(|scope| (scope.name.as_str(), d.file))
        })
        .collect();
    if questions.is_empty() {
        return;
    }
    questions.sort_unstable();
    questions.dedup();
    let referenced = referenced_elsewhere(&questions, files.len(), code);
    for (d, scopes) in diagnostics.iter_mut().zip(uncalled) {
        let Some(scope) = scopes.into_iter().flatten().find(|scope| {
            !(questions.binary_search(&(scope.name.as_str(), d.file)))
                .map_or(true, |question| referenced[question])
        }) else {
            continue;
        };
        d.severity = Severity::Warning;
        d.message = format!(
            "{} (in code nothing calls: `{}` is referenced nowhere else)",
            d.message, scope.name
        );
    }
}

fn in_test_code(files: &[SourceFile], test_files: &[bool], file: FileId, span: Span) -> bool {
    test_files.get(file).copied().unwrap_or(false)
        || files.get(file).is_some_and(|source| {
            source
                .facts
                .test_spans
                .iter()
                .any(|test| contains(*test, span))
        })
}

/// The named functions around `span` (outer ones first) whose names are not used
/// again in their own file and that no framework calls. Code inside the first of them
/// that nothing else references never runs, whatever calls the functions nested in it.
fn scopes_around<'f>(
    files: &'f [SourceFile],
    file: FileId,
    span: Span,
    code: &dyn Fn(FileId) -> Code<'f>,
) -> Vec<&'f NamedScope> {
    let Some(source) = files.get(file) else {
        return Vec::new();
    };
    let mut around = (source.facts.scopes.iter())
        .filter(|scope| {
            contains(scope.span, span) && !CALLED_BY_FRAMEWORKS.contains(&scope.name.as_str())
        })
        .peekable();
    if around.peek().is_none() {
        return Vec::new();
    }
    // Without the text (it could not be read again), every name counts as used.
    let Some((text, quotes)) = code(file) else {
        return Vec::new();
    };
    // The definition is one occurrence.
    around
        .filter(|scope| crate::words::count_in_code(&text, quotes, &scope.name) <= 1)
        .collect()
}

/// For each question (a name, the file defining it), whether the name occurs in code
/// of another file. The one place that says what "elsewhere" is (today the whole
/// project; an app once apps are known).
fn referenced_elsewhere<'f>(
    questions: &[(&str, FileId)],
    file_count: usize,
    code: &(dyn Fn(FileId, Texts) -> Code<'f> + Sync),
) -> Vec<bool> {
    use rayon::prelude::*;
    // The kept texts, question by question: a search stops at the first file naming
    // it, and names in code nothing calls are usually named somewhere.
    let mut referenced: Vec<bool> = crate::workers::on_workers(|| {
        (questions.iter())
            .map(|&(name, defined_in)| {
                let finder = memchr::memmem::Finder::new(name);
                (0..file_count).into_par_iter().any(|file| {
                    file != defined_in
                        && code(file, Texts::Kept).is_some_and(|(text, quotes)| {
                            crate::words::finder_occurs_in_code(&text, quotes, &finder)
                        })
                })
            })
            .collect()
    });
    // The other files are read once for all the names still not found.
    {
        let texts = Texts::Unkept;
        let mut names: Vec<&str> = (questions.iter().zip(&referenced))
            .filter(|(_, referenced)| !**referenced)
            .map(|((name, _), _)| *name)
            .collect();
        names.dedup();
        if names.is_empty() {
            return referenced;
        }
        let finders: Vec<memchr::memmem::Finder> =
            names.iter().map(memchr::memmem::Finder::new).collect();
        // Of each file, the names it has (indices into `names`).
        let found: Vec<Vec<usize>> = crate::workers::on_workers(|| {
            (0..file_count)
                .into_par_iter()
                .map(|file| match code(file, texts) {
                    Some((text, quotes)) => (0..names.len())
                        .filter(|&name| {
                            crate::words::finder_occurs_in_code(&text, quotes, &finders[name])
                        })
                        .collect(),
                    None => Vec::new(),
                })
                .collect()
        });
        for (file, found) in found.iter().enumerate() {
            for &name in found {
                // `questions` is sorted: those about one name are side by side.
                let first = questions.partition_point(|(asked, _)| *asked < names[name]);
                for (question, (asked, defined_in)) in questions.iter().enumerate().skip(first) {
                    if *asked != names[name] {
                        break;
                    }
                    referenced[question] |= *defined_in != file;
                }
            }
        }
    }
    referenced
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
