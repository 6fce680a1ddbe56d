//! wirelint: finds event-wiring bugs between Socket.IO clients and servers.
//!
//! The pipeline reads top to bottom: discover → extract (per file, in parallel) →
//! link into the event graph → rules → report.

pub mod diagnostic;
pub mod discover;
pub mod facts;
pub mod fix;
pub mod graph;
pub mod lang;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod trace;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::discover::{FileKind, SourcePath};
use crate::facts::{FileFacts, ParseError, Span};
use crate::graph::{EventGraph, SourceFile};

/// Everything one run found.
pub struct Analysis {
    pub files: Vec<SourceFile>,
    pub graph: EventGraph,
    /// Sorted by file, offset, rule.
    pub diagnostics: Vec<Diagnostic>,
}

pub fn analyze(paths: &[PathBuf]) -> Result<Analysis, discover::DiscoverError> {
    analyze_with(paths, &Overlay::new())
}

/// File contents that replace what is on disk: fixes not yet written, an editor's
/// unsaved buffer.
pub type Overlay = std::collections::HashMap<PathBuf, String>;

pub fn analyze_with(
    paths: &[PathBuf],
    overlay: &Overlay,
) -> Result<Analysis, discover::DiscoverError> {
    let discovered = discover::discover(paths, true)?;
    let files = extract_all(&discovered, overlay);
    if std::env::var_os("WIRELINT_DEBUG_FACTS").is_some() {
        for file in &files {
            eprintln!("{}: {:#?}", file.path.display(), file.facts);
        }
    }
    let resolver =
        resolve::Resolver::new(&files.iter().map(|f| f.path.clone()).collect::<Vec<_>>());
    let graph = graph::link(&files, &resolver);
    let mut diagnostics = rules::run(&rules::Context {
        graph: &graph,
        files: &files,
    });
    suppress::apply(&mut diagnostics, &files);
    diagnostics.sort_by(|a, b| {
        (&files[a.file].path, a.span.start, a.rule, &a.message).cmp(&(
            &files[b.file].path,
            b.span.start,
            b.rule,
            &b.message,
        ))
    });
    // A site reached through several sockets (one helper used for two namespaces) is
    // still one place to fix: report it once per rule.
    diagnostics.dedup_by(|b, a| a.rule == b.rule && a.file == b.file && a.span == b.span);
    Ok(Analysis {
        files,
        graph,
        diagnostics,
    })
}

/// Deep enough for machine-generated code nested thousands of levels.
const WORKER_STACK: usize = 256 << 20;

fn extract_all(discovered: &[SourcePath], overlay: &Overlay) -> Vec<SourceFile> {
    let run = || {
        discovered
            .par_iter()
            .map(|source| load(&source.path, source.kind, overlay.get(&source.path)))
            .collect()
    };
    match rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("wirelint-{i}"))
        .build()
    {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

fn load(path: &Path, kind: FileKind, overlay: Option<&String>) -> SourceFile {
    let read = match overlay {
        Some(text) => Ok(Some(blank_bom(text.clone()))),
        None => read_source(path),
    };
    let (facts, text) = match read {
        Ok(Some(text)) => {
            let facts = extract(&text, kind);
            (facts, Some(text))
        }
        // Minified bundles: nobody edits them, and they are large.
        Ok(None) => (FileFacts::default(), None),
        Err(message) => (
            FileFacts {
                parse_error: Some(ParseError {
                    span: Span::default(),
                    message,
                }),
                ..FileFacts::default()
            },
            None,
        ),
    };
    let keep = facts.parse_error.is_some()
        || !facts.emits.is_empty()
        || !facts.handlers.is_empty()
        || !facts.connects.is_empty()
        || !facts.namespaces.is_empty()
        || !facts.middlewares.is_empty()
        || !facts.removals.is_empty()
        || !facts.promises.is_empty()
        // Rust structs a payload is compared with: labels point at them.
        || !facts.structs.is_empty()
        // Constants files: a rename fix may edit an event name's definition.
        || facts
            .exports
            .iter()
            .any(|(_, export)| matches!(export, facts::ExportValue::Value(_)));
    SourceFile {
        path: path.to_path_buf(),
        facts,
        text: text.filter(|_| keep).map(Arc::from),
    }
}

/// Extracts facts, turning a panic in a front-end into a diagnostic for that file.
fn extract(text: &str, kind: FileKind) -> FileFacts {
    let result = std::panic::catch_unwind(|| lang::extract(text, kind));
    result.unwrap_or_else(|_| FileFacts {
        parse_error: Some(ParseError {
            span: Span::default(),
            message:
                "internal error while analysing this file; it was skipped (please report this)"
                    .to_owned(),
        }),
        ..FileFacts::default()
    })
}

/// Reads a source file. `Ok(None)` for minified bundles; `Err` says why a file cannot
/// be analysed.
fn read_source(path: &Path) -> Result<Option<String>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read this file: {e}"))?;
    if bytes[..bytes.len().min(8000)].contains(&0) {
        return Err("this looks like a binary file, not source code; it was skipped".to_owned());
    }
    let text = blank_bom(String::from_utf8(bytes).map_err(|e| {
        format!(
            "this file is not valid UTF-8 (invalid byte at offset {}); it was skipped",
            e.utf8_error().valid_up_to()
        )
    })?);
    if is_minified(&text) {
        return Ok(None);
    }
    Ok(Some(text))
}

/// Blanking the BOM keeps every offset as it is on disk.
fn blank_bom(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.replace_range(..3, "   ");
    }
    text
}

fn is_minified(text: &str) -> bool {
    const MIN_SIZE: usize = 20_000;
    const LONG_AVERAGE_LINE: usize = 500;
    text.len() > MIN_SIZE && text.len() / (text.lines().count().max(1)) > LONG_AVERAGE_LINE
}
