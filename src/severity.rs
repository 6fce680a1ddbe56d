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

/// Which files are test code, from the configuration and the checked paths.
pub fn test_files(files: &[SourceFile], config: &Config, roots: &[PathBuf]) -> Vec<bool> {
    let root_dirs = crate::config::root_dirs(roots);
    files
        .iter()
        .map(|file| config.is_test_file(&file.path, &root_dirs))
        .collect()
}

/// Lowers the findings located in test code and in code nothing calls.
pub fn adjust(
    diagnostics: &mut [Diagnostic],
    files: &[SourceFile],
    test_files: &[bool],
    config: &Config,
) {
    let mut holders = std::collections::HashMap::new();
    for d in diagnostics {
        if config.test_severity == TestSeverity::Info
            && in_test_code(files, test_files, d.file, d.span)
        {
            d.severity = d.severity.min(Severity::Info);
            continue;
        }
        if d.severity == Severity::Error
            && let Some(scope) = uncalled_scope(files, d.file, d.span, &mut holders)
        {
            d.severity = Severity::Warning;
            d.message = format!(
                "{} (in code nothing calls: `{}` is referenced nowhere else)",
                d.message, scope.name
            );
        }
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

/// The outermost named function around `span` that nothing references: code inside
/// it never runs, whatever calls the functions nested in it.
/// `holders` remembers, per name, up to two files it may occur in.
fn uncalled_scope<'f>(
    files: &'f [SourceFile],
    file: FileId,
    span: Span,
    holders: &mut Holders<'f>,
) -> Option<&'f NamedScope> {
    let source = files.get(file)?;
    source.facts.scopes.iter().find(|scope| {
        contains(scope.span, span)
            && scope.uses_in_file == 0
            && !CALLED_BY_FRAMEWORKS.contains(&scope.name.as_str())
            && !referenced_elsewhere(&scope.name, file, files, holders)
    })
}

type Holders<'f> = std::collections::HashMap<&'f str, Vec<FileId>>;

/// Whether `name` occurs in a file of the project other than `file`. The one place that
/// says what "elsewhere" is (today the whole project; an app once apps are known).
fn referenced_elsewhere<'f>(
    name: &'f str,
    file: FileId,
    files: &'f [SourceFile],
    holders: &mut Holders<'f>,
) -> bool {
    let found = holders.entry(name).or_insert_with(|| {
        (files.iter().enumerate())
            .filter(|(_, other)| other.facts.words.may_contain(name))
            .map(|(index, _)| index)
            .take(2)
            .collect()
    });
    found.iter().any(|&index| index != file)
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}
