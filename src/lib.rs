//! wirelint: finds event-wiring bugs between Socket.IO clients and servers.
//!
//! The pipeline reads top to bottom: discover → extract (per file, in parallel) →
//! link into the event graph → rules → report.

pub mod baseline;
pub mod cache;
pub mod config;
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

use crate::config::Config;
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
    pub timings: Timings,
}

/// Wall time of each phase, for `--timings`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub discover: std::time::Duration,
    pub extract: std::time::Duration,
    pub link: std::time::Duration,
    pub rules: std::time::Duration,
    pub files: usize,
    pub bytes: u64,
    pub threads: usize,
    /// Files whose facts came from the cache.
    pub cached: usize,
}

/// How one run is set up beyond the paths it is given.
#[derive(Debug, Default)]
pub struct Options {
    pub config: Config,
    /// An editor's unsaved buffer: this file's text comes from here, not from disk.
    pub stdin: Option<(PathBuf, Vec<u8>)>,
    /// Texts of files changed by fixes not yet written.
    pub overlay: Overlay,
    /// Read ignored and vendored directories too (`.gitignore`, `node_modules`, ...).
    pub no_ignore: bool,
    /// Where per-file facts are kept between runs; `None` parses every file.
    pub cache_dir: Option<PathBuf>,
}

/// Analyses a project with no configuration file.
pub fn analyze(paths: &[PathBuf]) -> Result<Analysis, discover::DiscoverError> {
    analyze_with(paths, &Options::default())
}

/// File contents that replace what is on disk: fixes not yet written.
pub type Overlay = std::collections::HashMap<PathBuf, String>;

pub fn analyze_with(
    paths: &[PathBuf],
    options: &Options,
) -> Result<Analysis, discover::DiscoverError> {
    let start = std::time::Instant::now();
    let config = &options.config;
    let mut discovered = discover::discover(paths, !options.no_ignore)?;
    discovered.retain(|source| !config.is_excluded(&source.path));
    let stdin = match &options.stdin {
        Some((path, text)) => {
            overlay_index(&mut discovered, path, config)?.map(|index| (index, text.as_slice()))
        }
        None => None,
    };
    let discovered_at = std::time::Instant::now();
    let socket_wrappers = config.socket_wrappers();
    let cache = options
        .cache_dir
        .as_deref()
        .map(|dir| cache::Cache::open(dir, &socket_wrappers));
    let (files, from) = extract_all(
        &discovered,
        &socket_wrappers,
        stdin,
        &options.overlay,
        cache.as_ref(),
    );
    let cached = from
        .iter()
        .filter(|from| matches!(from, FactsFrom::Cache))
        .count();
    if let Some(cache) = cache {
        let mut seen = Vec::with_capacity(files.len());
        let mut hits = Vec::with_capacity(cached);
        let mut fresh = Vec::new();
        for (file, from) in files.iter().zip(from) {
            let path = file.path.as_path();
            seen.push(path);
            match from {
                FactsFrom::Cache => hits.push(path),
                FactsFrom::Extraction(Some(stored)) => fresh.push((path, stored)),
                FactsFrom::Extraction(None) | FactsFrom::Nothing => {}
            }
        }
        cache.save(&seen, &hits, fresh);
    }
    let extracted_at = std::time::Instant::now();
    if std::env::var_os("WIRELINT_DEBUG_FACTS").is_some() {
        for file in &files {
            eprintln!("{}: {:#?}", file.path.display(), file.facts);
        }
    }
    let resolver =
        resolve::Resolver::new(&files.iter().map(|f| f.path.clone()).collect::<Vec<_>>());
    let graph = graph::link(&files, &resolver, config);
    let linked_at = std::time::Instant::now();
    let mut diagnostics = rules::run(&rules::Context {
        graph: &graph,
        files: &files,
    });
    suppress::apply(&mut diagnostics, &files);
    config.apply(&mut diagnostics);
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
    let timings = Timings {
        discover: discovered_at - start,
        extract: extracted_at - discovered_at,
        link: linked_at - extracted_at,
        rules: linked_at.elapsed(),
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes).sum(),
        threads: workers().map_or(1, rayon::ThreadPool::current_num_threads),
        cached,
    };
    Ok(Analysis {
        timings,
        files,
        graph,
        diagnostics,
    })
}

impl Analysis {
    /// How many findings have this severity.
    pub fn count(&self, severity: diagnostic::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether a front-end crashed on some file (the run then exits 2).
    pub fn had_internal_error(&self) -> bool {
        self.files.iter().any(|f| f.facts.internal_error)
    }

    /// Keeps the diagnostics whose primary location or a label is in one of `files`
    /// (paths as given on the command line, compared as absolute paths).
    pub fn retain_touching(&mut self, files: &[PathBuf]) {
        let wanted: std::collections::HashSet<PathBuf> =
            files.iter().map(|f| discover::absolute(f)).collect();
        let touched: Vec<bool> = self
            .files
            .iter()
            .map(|f| wanted.contains(&discover::absolute(&f.path)))
            .collect();
        self.diagnostics
            .retain(|d| touched[d.file] || d.labels.iter().any(|l| touched[l.file]));
    }
}

/// Where the stdin file is in the discovered list, adding it when it is not there (a
/// new, unsaved file, or one outside the given paths). `None` when it is excluded.
fn overlay_index(
    discovered: &mut Vec<SourcePath>,
    path: &Path,
    config: &Config,
) -> Result<Option<usize>, discover::DiscoverError> {
    let target = discover::absolute(path);
    let find = |discovered: &[SourcePath]| {
        discovered
            .iter()
            .position(|source| discover::absolute(&source.path) == target)
    };
    if let Some(index) = find(discovered) {
        return Ok(Some(index));
    }
    let kind = discover::classify(path)
        .ok_or_else(|| discover::DiscoverError::NotSource(path.to_path_buf()))?;
    if config.is_excluded(path) {
        return Ok(None);
    }
    discovered.push(SourcePath {
        path: discover::clean(path),
        kind,
    });
    discovered.sort();
    Ok(find(discovered))
}

/// What a parse-only pass over a project measured: the floor `check` is compared to.
#[derive(Clone, Copy, Debug, Default)]
pub struct ParseFloor {
    pub files: usize,
    pub bytes: u64,
    pub parse_errors: usize,
    pub elapsed: std::time::Duration,
}

/// Reads and parses every file as `check` does (same discovery, same thread pool,
/// same reading), and extracts nothing: the cost no linter built on swc can avoid.
pub fn parse_floor(
    paths: &[PathBuf],
    no_ignore: bool,
) -> Result<ParseFloor, discover::DiscoverError> {
    let start = std::time::Instant::now();
    let discovered = discover::discover(paths, !no_ignore)?;
    let parse = || {
        discovered
            .par_iter()
            .map(|source| match read_source(&source.path) {
                Ok(Some(text)) => (text.len() as u64, lang::parses(&text, source.kind)),
                Ok(None) => (0, true),
                Err(_) => (0, false),
            })
            .collect::<Vec<_>>()
    };
    let results = on_workers(parse);
    Ok(ParseFloor {
        files: results.len(),
        bytes: results.iter().map(|(bytes, _)| bytes).sum(),
        parse_errors: results.iter().filter(|(_, ok)| !ok).count(),
        elapsed: start.elapsed(),
    })
}

/// Deep enough for machine-generated code nested thousands of levels.
const WORKER_STACK: usize = 256 << 20;

/// The threads files are parsed on, with stacks of [`WORKER_STACK`]: made once per
/// process (fix passes analyse again), and never rayon's global pool, whose threads
/// would have the default stack.
fn workers() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(WORKER_STACK)
            .thread_name(|i| format!("wirelint-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `work` on [`workers`], or on this thread if they could not be started.
fn on_workers<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match workers() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// `stdin`: the index of the file whose text is given, and that text; `overlay`: texts
/// of files changed by fixes not yet written. Returns the files and where the facts of
/// each came from.
fn extract_all(
    discovered: &[SourcePath],
    socket_wrappers: &[String],
    stdin: Option<(usize, &[u8])>,
    overlay: &Overlay,
    cache: Option<&cache::Cache>,
) -> (Vec<SourceFile>, Vec<FactsFrom>) {
    let run = || {
        discovered
            .par_iter()
            .enumerate()
            .map(|(index, source)| {
                let given = stdin
                    .and_then(|(at, text)| (at == index).then_some(text))
                    .or_else(|| overlay.get(&source.path).map(String::as_bytes));
                load(&source.path, source.kind, socket_wrappers, given, cache)
            })
            .unzip()
    };
    on_workers(run)
}

/// Where a file's facts came from.
enum FactsFrom {
    Cache,
    /// Parsed now; what to cache when a cache is in use.
    Extraction(Option<cache::Stored>),
    /// The file could not be read or is not worth reading.
    Nothing,
}

fn load(
    path: &Path,
    kind: FileKind,
    socket_wrappers: &[String],
    given: Option<&[u8]>,
    cache: Option<&cache::Cache>,
) -> (SourceFile, FactsFrom) {
    let source = match given {
        Some(bytes) => decode(bytes.to_vec()),
        None => read_source(path),
    };
    let (facts, text, from) = match source {
        Ok(Some(text)) => {
            let hash = cache.map(|_| cache::content_hash(&text));
            match cache
                .zip(hash)
                .and_then(|(cache, hash)| cache.get(path, hash))
            {
                Some(facts) => (facts, Some(text), FactsFrom::Cache),
                None => {
                    let facts = extract(path, &text, kind, socket_wrappers);
                    // A crash is not remembered: the next run tries again.
                    let stored = hash
                        .filter(|_| !facts.internal_error)
                        .and_then(|hash| cache::Cache::encode(&facts, hash));
                    (facts, Some(text), FactsFrom::Extraction(stored))
                }
            }
        }
        // Minified bundles: nobody edits them, and they are large.
        Ok(None) => (FileFacts::default(), None, FactsFrom::Nothing),
        Err(message) => (
            FileFacts {
                parse_error: Some(ParseError {
                    span: Span::default(),
                    message,
                }),
                ..FileFacts::default()
            },
            None,
            FactsFrom::Nothing,
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
    let file = SourceFile {
        path: path.to_path_buf(),
        facts,
        bytes: text.as_ref().map_or(0, |t| t.len() as u64),
        text: text.filter(|_| keep).map(Arc::from),
        lines: Default::default(),
    };
    (file, from)
}

/// Extracts facts, turning a panic in a front-end into a diagnostic for that file.
fn extract(path: &Path, text: &str, kind: FileKind, socket_wrappers: &[String]) -> FileFacts {
    let result = std::panic::catch_unwind(|| {
        // Tests make the front-end fail on purpose to check that one file's crash
        // never stops the run; release builds ignore the variable.
        if cfg!(debug_assertions)
            && std::env::var_os("WIRELINT_TEST_PANIC_ON")
                .is_some_and(|name| path.file_name() == Some(name.as_os_str()))
        {
            panic!("requested by WIRELINT_TEST_PANIC_ON");
        }
        lang::extract(text, kind, socket_wrappers)
    });
    result.unwrap_or_else(|_| FileFacts {
        parse_error: Some(ParseError {
            span: Span::default(),
            message: format!(
                "internal error while analysing {}; the file was skipped and the rest checked (please report this)",
                report::display_path(path)
            ),
        }),
        internal_error: true,
        ..FileFacts::default()
    })
}

/// Reads a source file. `Ok(None)` for minified bundles; `Err` says why a file cannot
/// be analysed.
fn read_source(path: &Path) -> Result<Option<String>, String> {
    use std::io::Read;
    let cannot_read = |e: std::io::Error| format!("cannot read this file: {e}");
    let mut file = open_without_blocking(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err("not a regular file (a FIFO, socket or device); it was skipped".to_owned());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(cannot_read)?;
    decode(bytes)
}

/// Opening a FIFO for reading waits for a writer, and the run would hang: open without
/// waiting, then look at what was opened (one `fstat` instead of a second path lookup).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    std::fs::File::open(path)
}

/// The text of a source file from its bytes, as `read_source` describes.
fn decode(bytes: Vec<u8>) -> Result<Option<String>, String> {
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
    text.len() > MIN_SIZE
        && text.len() / (memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1)
            > LONG_AVERAGE_LINE
}
