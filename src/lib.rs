//! wirelint: finds event-wiring bugs between Socket.IO clients and servers.
//!
//! The pipeline reads top to bottom: discover → extract (per file, in parallel) →
//! link into the event graph → rules → report.
//!
//! ## Layers
//!
//! Lowest first. A module uses only modules of the layers before its own, never one of
//! its own layer or a later one (`tests/it/layers.rs` checks it), so that a value type
//! never depends on what produces or consumes it:
//!
//! 1. `source`, `suggest`, `words`: text utilities (line positions, spelling, words).
//! 2. `ids`, `facts`: what a site is located by, and what a front-end reports of a file.
//! 3. `catalog`: every rule's metadata (id, default severity, fix availability, docs).
//! 4. `diagnostic`: the finding every rule builds, by rule id, file and span.
//! 5. `discover`, `lockfile`: the files to read and how paths are named; lockfiles.
//! 6. `package`, `resolve`, `link_settings`: package manifests, module resolution, and
//!    what the linker takes from the configuration.
//! 7. `cache`, `lang`: per-file facts, cached or extracted by a front-end.
//! 8. `apps`: which files form one app.
//! 9. `graph`: linking the facts into the event graph.
//! 10. `rules`: each rule's check over the graph.
//! 11. `config`: `wirelint.toml`, read by what follows; extraction, linking and the
//!     rules see only what they are handed (`link_settings`, the socket wrappers).
//! 12. `suppress`, `severity`: passes over the rules' findings.
//! 13. `crate` (this file): the pipeline, and the `Analysis` it returns.
//! 14. `baseline`, `fix`: what a run's findings are compared with, and applying fixes.
//! 15. `report`: the output formats.
//! 16. `trace`: one event traced end to end, with the reports' positions and fixes.

pub mod apps;
pub mod baseline;
pub mod cache;
pub mod catalog;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod facts;
pub mod fix;
pub mod graph;
pub mod ids;
pub mod lang;
pub mod link_settings;
pub mod lockfile;
pub mod package;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod severity;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod trace;
pub mod words;

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
    /// Empty when the findings of the last run were reused (see [`Timings::reused`]).
    pub graph: EventGraph,
    /// Sorted by file, offset, rule.
    pub diagnostics: Vec<Diagnostic>,
    /// How many distinct events (by namespace and name) are emitted or handled.
    pub events: usize,
    /// How many files did not parse.
    pub parse_errors: usize,
    /// Whether the analysed code has Socket.IO sites on the client side and on the
    /// server side (kept with reused findings, whose graph is not built).
    pub sides: (bool, bool),
    pub timings: Timings,
    /// Files skipped as minified or generated (a line over 1000 characters, a bundler
    /// runtime, a source map comment): `--timings` names them, since a hand-written
    /// file that looks generated is otherwise left out without a word.
    pub generated: Vec<PathBuf>,
    /// Files skipped for their name alone (`*.min.js`, `*.bundle.js`), never read.
    pub minified: Vec<PathBuf>,
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
    /// Of those, files that were not even read: their metadata had not changed, and
    /// no finding can point into them.
    pub unread: usize,
    /// Nothing linking depends on changed since the last run, whose findings were
    /// reused instead of linking again.
    pub reused: bool,
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
    /// Where per-file facts and the last findings are kept between runs; `None` parses
    /// every file. With a cache, an unchanged project's [`Analysis::graph`] is empty:
    /// what needs the graph (`trace`, `graph`) runs without one.
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
    let (mut discovered, mut listing) = discover::discover_listing(paths, !options.no_ignore)?;
    discovered.retain(|source| !config.is_excluded(&source.path));
    let mut minified = std::mem::take(&mut listing.minified);
    minified.retain(|path| !config.is_excluded(path));
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
    let packages = package::Packages::of_files(
        discovered.iter().map(|source| source.path.as_path()),
        lang::is_socketio_package,
    );
    let loader = Loader {
        discovered: &discovered,
        packages: &packages.self_packages,
        socket_wrappers: &socket_wrappers,
        cache: cache.as_ref(),
    };
    let (mut files, mut loaded) = loader.load_all(stdin, &options.overlay);
    for (file, major) in files.iter_mut().zip(&packages.socketio_majors) {
        file.socketio_major = *major;
    }
    if std::env::var_os("WIRELINT_DEBUG_FACTS").is_some() {
        for file in &files {
            eprintln!("{}: {:#?}", file.path.display(), file.facts);
        }
    }
    let file_paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let resolver = resolve::Resolver::with_listing(&file_paths, Some(&listing));
    // Findings are remembered only for what is on disk, and never for a run in which a
    // front-end crashed (that file is tried again next time).
    let remember = cache.is_some()
        && stdin.is_none()
        && options.overlay.is_empty()
        && !files.iter().any(|f| f.facts.internal_error);
    let inputs = |files: &[SourceFile], loaded: &[Loaded]| {
        remember.then(|| link_inputs(config, &resolver, files, loaded))
    };
    let (reused, inputs) = loader.reuse(&mut files, &mut loaded, inputs);
    let extracted_at = std::time::Instant::now();
    let linked_at;
    let (graph, diagnostics, events, parse_errors, sides) = match &reused {
        // The facts of files not read were not decoded either: the counts come along
        // with the findings.
        Some(memo) => {
            linked_at = std::time::Instant::now();
            let diagnostics = memo.diagnostics.clone();
            let graph = EventGraph::default();
            (
                graph,
                diagnostics,
                memo.events,
                memo.parse_errors,
                memo.sides,
            )
        }
        None => {
            let ask_effects =
                |file| loader.call_effects(&files, &loaded, file, stdin, &options.overlay);
            let graph = graph::link(&files, &resolver, config.link_settings(), &ask_effects);
            linked_at = std::time::Instant::now();
            let code = |file, texts| loader.code(&files, file, texts, stdin, &options.overlay);
            let diagnostics = check_graph(&graph, &files, paths, config, &code);
            let events = graph.event_count();
            let parse_errors = files
                .iter()
                .filter(|f| f.facts.parse_error.is_some() && !f.facts.template)
                .count();
            let sides = sides_of(&graph);
            (graph, diagnostics, events, parse_errors, sides)
        }
    };
    let checked_at = std::time::Instant::now();
    let cached = loaded
        .iter()
        .filter(|l| matches!(l.from, FactsFrom::Cache { .. }))
        .count();
    let unread = loaded
        .iter()
        .filter(|l| matches!(l.from, FactsFrom::Cache { read: false, .. }))
        .count();
    let was_reused = reused.is_some();
    let generated: Vec<PathBuf> = files
        .iter()
        .zip(&loaded)
        .filter(|(_, l)| l.input == cache::SKIPPED || l.input == cache::SKIPPED_IN_OUTPUT_DIR)
        .map(|(file, _)| file.path.clone())
        .collect();
    let stored: Option<Vec<_>> = cache.is_some().then(|| {
        (files.iter().zip(loaded))
            .map(|(file, loaded)| (file.path.as_path(), loaded.from.stored()))
            .collect()
    });
    if let Some((cache, stored)) = cache.zip(stored) {
        let memo = reused.or_else(|| {
            inputs.map(|inputs| cache::Memo {
                inputs,
                events,
                parse_errors,
                sides,
                diagnostics: diagnostics.clone(),
            })
        });
        cache.save(stored, memo);
    }
    let timings = Timings {
        discover: discovered_at - start,
        // Writing the cache is counted with reading it.
        extract: (extracted_at - discovered_at) + checked_at.elapsed(),
        link: linked_at - extracted_at,
        rules: checked_at - linked_at,
        files: files.len(),
        bytes: files.iter().map(|f| f.bytes).sum(),
        threads: workers().map_or(1, rayon::ThreadPool::current_num_threads),
        cached,
        unread,
        reused: was_reused,
    };
    Ok(Analysis {
        timings,
        generated,
        minified,
        files,
        graph,
        diagnostics,
        events,
        parse_errors,
        sides,
    })
}

/// The rules over a linked graph, with suppressions, configured severities and the
/// severity adjustments (test code, code nothing calls) applied, sorted and without
/// repeats. `roots`: the paths checked, which test paths are relative to without a
/// configuration file; `code`: see [`severity::adjust`].
fn check_graph<'f>(
    graph: &EventGraph,
    files: &'f [SourceFile],
    roots: &[PathBuf],
    config: &Config,
    code: &(dyn Fn(graph::FileId, severity::Texts) -> severity::Code<'f> + Sync),
) -> Vec<Diagnostic> {
    let mut diagnostics = rules::run(&rules::Context::new(graph, files));
    suppress::apply(&mut diagnostics, files);
    config.apply(&mut diagnostics);
    let test_files = severity::test_files(files, &diagnostics, config, roots);
    severity::adjust(&mut diagnostics, files, &test_files, config, code);
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
    diagnostics
}

/// Which files the findings point into (`wanted[file]`): the files whose text reporting
/// them quotes or edits.
fn quoted_files(diagnostics: &[Diagnostic], files: usize) -> Vec<bool> {
    let mut wanted = vec![false; files];
    for d in diagnostics {
        let edits = d
            .fix
            .iter()
            .flat_map(|fix| fix.edits.iter().map(|e| e.file));
        for file in std::iter::once(d.file)
            .chain(d.labels.iter().map(|l| l.file))
            .chain(edits)
        {
            if let Some(wanted) = wanted.get_mut(file) {
                *wanted = true;
            }
        }
    }
    wanted
}

/// A hash of everything linking and the rules read: the configuration, how modules
/// resolve, and each file as named with the text it has (its facts and any text a
/// finding quotes follow from that text). The build is in the cache's own key.
fn link_inputs(
    config: &Config,
    resolver: &resolve::Resolver,
    files: &[SourceFile],
    loaded: &[Loaded],
) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&config.fingerprint().to_le_bytes());
    hasher.update(&resolver.fingerprint().to_le_bytes());
    for (file, loaded) in files.iter().zip(loaded) {
        hasher.update(file.path.as_os_str().as_encoded_bytes());
        hasher.update(&[0]);
        hasher.update(&loaded.input.to_le_bytes());
        hasher.update(&file.socketio_major.unwrap_or(0).to_le_bytes());
    }
    hasher.digest128()
}

/// Whether a graph has Socket.IO sites (emits or handlers) on the client side and on
/// the server side.
fn sides_of(graph: &EventGraph) -> (bool, bool) {
    let sides = (graph.emits.iter().map(|e| e.side)).chain(graph.handlers.iter().map(|h| h.side));
    let mut seen = (false, false);
    for side in sides {
        match side {
            facts::Side::Client => seen.0 = true,
            facts::Side::Server => seen.1 = true,
        }
    }
    seen
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
    /// Keeps the findings located under one of `paths` (files or directories), at
    /// either end of the wire: what a run from a subfolder of the project reports.
    pub fn retain_under(&mut self, paths: &[PathBuf]) {
        let roots: Vec<PathBuf> = paths.iter().map(|p| discover::absolute(p)).collect();
        let under: Vec<bool> = self
            .files
            .iter()
            .map(|f| {
                let path = discover::absolute(&f.path);
                roots.iter().any(|root| path.starts_with(root))
            })
            .collect();
        self.diagnostics
            .retain(|d| under[d.file] || d.labels.iter().any(|l| under[l.file]));
    }

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
        output: false,
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
            .map(|source| match read_source(source) {
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
/// How many worker threads parse files (`--threads N`); 0: one per core.
static THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Sets the number of worker threads (`--threads N`); 0 is one per core. Takes effect
/// only before the first analysis, which starts the workers.
pub fn set_threads(threads: usize) {
    THREADS.store(threads, std::sync::atomic::Ordering::Relaxed);
}

fn workers() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(THREADS.load(std::sync::atomic::Ordering::Relaxed))
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

/// How one file was loaded.
struct Loaded<'c> {
    from: FactsFrom,
    /// Stands for the file's input: the hash of its text, or of why it has none.
    input: cache::ContentHash,
    /// The entry the facts are (or are to be) decoded from.
    entry: Option<&'c cache::Entry>,
    /// Left for [`Loader::complete`]: findings may quote the text, not read yet.
    unread_text: bool,
    /// Left for [`Loader::complete`]: the facts, needed only to link.
    undecoded: bool,
}

impl<'c> Loaded<'c> {
    /// A file loaded from its text: nothing is left to do.
    fn read(from: FactsFrom, input: cache::ContentHash, entry: Option<&'c cache::Entry>) -> Self {
        Loaded {
            from,
            input,
            entry,
            unread_text: false,
            undecoded: false,
        }
    }
}

/// Where a file's facts came from.
enum FactsFrom {
    /// `read`: false when the file's metadata vouched for its text; `restat`: metadata
    /// to remember instead of the entry's.
    Cache {
        read: bool,
        restat: Option<Option<cache::Stat>>,
    },
    /// Parsed now; what to cache when a cache is in use.
    Extraction(Option<cache::Stored>),
    /// The file could not be read or is not worth reading.
    Nothing,
}

impl FactsFrom {
    /// What the file leaves in the cache.
    fn stored(self) -> Option<cache::Stored> {
        match self {
            FactsFrom::Cache { restat: None, .. } => Some(cache::Stored::Same),
            FactsFrom::Cache {
                restat: Some(stat), ..
            } => Some(cache::Stored::Restat(stat)),
            FactsFrom::Extraction(stored) => stored,
            FactsFrom::Nothing => None,
        }
    }
}

/// Loads the discovered files: their facts from the cache or from their text.
struct Loader<'a> {
    discovered: &'a [SourcePath],
    /// Of each discovered file, the Socket.IO package it is part of, if any.
    packages: &'a [Option<package::SelfPackage>],
    socket_wrappers: &'a [String],
    cache: Option<&'a cache::Cache>,
}

impl<'a> Loader<'a> {
    /// `stdin`: the index of the file whose text is given, and that text; `overlay`:
    /// texts of files changed by fixes not yet written.
    fn load_all(
        &self,
        stdin: Option<(usize, &[u8])>,
        overlay: &Overlay,
    ) -> (Vec<SourceFile>, Vec<Loaded<'a>>) {
        let run = || {
            self.discovered
                .par_iter()
                .enumerate()
                .map(|(index, source)| {
                    // A fix of the stdin buffer (`--fix --stdin-filename`) is in the
                    // overlay: it wins over the buffer it was made from.
                    let given = overlay
                        .get(&source.path)
                        .map(String::as_bytes)
                        .or_else(|| stdin.and_then(|(at, text)| (at == index).then_some(text)));
                    self.load(index, given)
                })
                .unzip()
        };
        on_workers(run)
    }

    /// Loads the discovered file `index`.
    fn load(&self, index: usize, given: Option<&[u8]>) -> (SourceFile, Loaded<'a>) {
        let source = &self.discovered[index];
        let entry = self.cache.and_then(|cache| cache.entry(&source.path));
        // Facts that depend on a package's manifest as well as on the text are trusted
        // unread only while the manifest says the same (see `cache::input_hash`).
        let package = self
            .package(index)
            .map_or(0, package::SelfPackage::fingerprint);
        if given.is_none()
            && let Some(entry) = entry
            && entry.package == package
            // Generated in an output directory; named on the command line, it is read.
            && (source.output || entry.hash != cache::SKIPPED_IN_OUTPUT_DIR)
            && let Some(unread) = load_unread(&source.path, entry)
        {
            return unread;
        }
        self.load_read(index, given, entry)
    }

    fn package(&self, index: usize) -> Option<&'a package::SelfPackage> {
        self.packages.get(index).and_then(Option::as_ref)
    }

    /// Loads the discovered file `index` from its text: `given`, or else read from
    /// disk. `entry`: what the cache has for it.
    fn load_read(
        &self,
        index: usize,
        given: Option<&[u8]>,
        entry: Option<&'a cache::Entry>,
    ) -> (SourceFile, Loaded<'a>) {
        let source = &self.discovered[index];
        let package = self.package(index);
        let path = source.path.as_path();
        let read_at = std::time::SystemTime::now();
        let source_text = match given {
            Some(bytes) => decode(bytes.to_vec(), source.output).map(|text| (text, None)),
            None => read_source_and_metadata(source).map(|(text, metadata)| (text, Some(metadata))),
        };
        let (facts, text, loaded) = match source_text {
            Ok((Some(text), metadata)) => {
                let hash = cache::input_hash(&text, package);
                // A text given in place of the file's says nothing of the file's
                // metadata: its entry gets none, and a cached entry keeps its own.
                let stat = metadata
                    .as_ref()
                    .and_then(|metadata| cache::Stat::remembered(metadata, read_at));
                let cached = entry.filter(|entry| entry.hash == hash).and_then(|entry| {
                    let restat = metadata.is_some().then(|| entry.restat(stat)).flatten();
                    Some((entry.facts()?, restat))
                });
                let (facts, from) = match cached {
                    Some((facts, restat)) => (facts, FactsFrom::Cache { read: true, restat }),
                    None => {
                        let facts =
                            extract(path, &text, source.kind, self.socket_wrappers, package);
                        // A crash is not remembered: the next run tries again.
                        let stored = self
                            .cache
                            .filter(|_| !facts.internal_error)
                            .and_then(|_| {
                                cache::Cache::encode(
                                    &facts,
                                    hash,
                                    stat,
                                    package.map_or(0, package::SelfPackage::fingerprint),
                                )
                            })
                            .map(cache::Stored::Fresh);
                        (facts, FactsFrom::Extraction(stored))
                    }
                };
                (facts, Some(text), Loaded::read(from, hash, entry))
            }
            // Minified bundles and generated files of output directories: nobody edits
            // them, and they are large. The verdict is cached, so that an unchanged one
            // is not even read next time.
            Ok((None, metadata)) => {
                let verdict = match source.output {
                    true => cache::SKIPPED_IN_OUTPUT_DIR,
                    false => cache::SKIPPED,
                };
                let stat = metadata
                    .as_ref()
                    .and_then(|metadata| cache::Stat::remembered(metadata, read_at));
                let stored = self
                    .cache
                    .and_then(|_| cache::Cache::encode(&FileFacts::default(), verdict, stat, 0))
                    .map(cache::Stored::Fresh);
                let loaded = Loaded::read(FactsFrom::Extraction(stored), verdict, entry);
                (FileFacts::default(), None, loaded)
            }
            Err(message) => {
                let loaded = Loaded::read(FactsFrom::Nothing, cache::content_hash(&message), entry);
                let facts = FileFacts {
                    parse_error: Some(ParseError {
                        span: Span::default(),
                        message,
                    }),
                    ..FileFacts::default()
                };
                (facts, None, loaded)
            }
        };
        let keep = facts.quotable();
        let file = SourceFile {
            path: path.to_path_buf(),
            facts,
            bytes: text.as_ref().map_or(0, |t| t.len() as u64),
            text: text.filter(|_| keep).map(Arc::from),
            lines: Default::default(),
            socketio_major: None,
        };
        (file, loaded)
    }

    /// The findings of the last run, when nothing linking reads has changed since
    /// (`inputs` hashes that), with the texts they quote read. Otherwise every file is
    /// made ready to link (facts decoded, quotable texts read), and the findings are
    /// `None`. Returns the hash of the inputs as they are then, to remember with this
    /// run's findings.
    fn reuse(
        &self,
        files: &mut [SourceFile],
        loaded: &mut [Loaded<'a>],
        inputs: impl Fn(&[SourceFile], &[Loaded]) -> Option<u128>,
    ) -> (Option<cache::Memo>, Option<u128>) {
        let mut hash = inputs(files, loaded);
        let mut reused = self
            .cache
            .zip(hash)
            .and_then(|(cache, hash)| cache.memo(hash))
            .cloned();
        let mut unchanged = true;
        if let Some(memo) = &reused {
            let quoted = quoted_files(&memo.diagnostics, files.len());
            unchanged = self.complete(files, loaded, &quoted, false);
            if !unchanged {
                reused = None;
            }
        }
        if reused.is_none() {
            unchanged &= self.complete(files, loaded, &vec![true; files.len()], true);
        }
        if !unchanged {
            hash = inputs(files, loaded);
        }
        (reused, hash)
    }

    /// The text the file `index` was analysed from and the quotes of its code, for
    /// [`severity::adjust`]: the text kept after extraction, or (for `Texts::Unkept`)
    /// the file's text read (or given) again. `None` for a file that was not analysed.
    fn code<'f>(
        &self,
        files: &'f [SourceFile],
        index: usize,
        texts: severity::Texts,
        stdin: Option<(usize, &[u8])>,
        overlay: &Overlay,
    ) -> severity::Code<'f> {
        let (file, source) = files.get(index).zip(self.discovered.get(index))?;
        if file.facts.internal_error {
            return None;
        }
        let quotes = lang::code_quotes(source.kind);
        match (&file.text, texts) {
            (Some(text), severity::Texts::Kept) => {
                return Some((std::borrow::Cow::Borrowed(text), quotes));
            }
            (None, severity::Texts::Unkept) => {}
            _ => return None,
        }
        let given = overlay
            .get(&source.path)
            .map(String::as_bytes)
            .or_else(|| stdin.and_then(|(at, text)| (at == index).then_some(text)));
        let text = match given {
            Some(bytes) => decode(bytes.to_vec(), source.output),
            None => read_source(source),
        };
        text.ok()
            .flatten()
            .map(|text| (std::borrow::Cow::Owned(text), quotes))
    }

    /// What calls of the functions of file `index` do (see [`lang::call_effects`]),
    /// extracted again from the text its facts came from: `None` when that text is no
    /// longer there or the front-end fails on it.
    fn call_effects(
        &self,
        files: &[SourceFile],
        loaded: &[Loaded],
        index: usize,
        stdin: Option<(usize, &[u8])>,
        overlay: &Overlay,
    ) -> Option<Vec<Option<facts::CallEffects>>> {
        let (file, source) = files.get(index).zip(self.discovered.get(index))?;
        let package = self.package(index);
        let text = match &file.text {
            Some(text) => std::borrow::Cow::Borrowed(&**text),
            None => {
                let given = overlay
                    .get(&source.path)
                    .map(String::as_bytes)
                    .or_else(|| stdin.and_then(|(at, text)| (at == index).then_some(text)));
                let text = match given {
                    Some(bytes) => decode(bytes.to_vec(), source.output),
                    None => read_source(source),
                };
                std::borrow::Cow::Owned(text.ok()??)
            }
        };
        if cache::input_hash(&text, package) != loaded.get(index)?.input {
            return None;
        }
        let bodies = std::panic::catch_unwind(|| {
            lang::call_effects(&text, source.kind, self.socket_wrappers, package)
        })
        .ok()?;
        (bodies.len() == file.facts.functions.len()).then_some(bodies)
    }

    /// Does what loading left undone: reads the texts of the files `quoted` picks and,
    /// if `decode`, decodes all facts. Returns false when a file no longer has the text
    /// its metadata vouched for (it changed in the meantime): that file is loaded again
    /// from what it has now.
    fn complete(
        &self,
        files: &mut [SourceFile],
        loaded: &mut [Loaded<'a>],
        quoted: &[bool],
        decode: bool,
    ) -> bool {
        let complete = |(index, (file, loaded)): (usize, (&mut SourceFile, &mut Loaded<'a>))| {
            if decode && loaded.undecoded {
                match loaded.entry.and_then(cache::Entry::facts) {
                    Some(facts) => {
                        file.facts = facts;
                        loaded.undecoded = false;
                    }
                    None => {
                        (*file, *loaded) = self.load_read(index, None, loaded.entry);
                        return false;
                    }
                }
            }
            if !loaded.unread_text || !quoted.get(index).copied().unwrap_or(false) {
                return true;
            }
            let read_at = std::time::SystemTime::now();
            if let Ok((Some(text), metadata)) = read_source_and_metadata(&self.discovered[index])
                && cache::input_hash(&text, self.package(index)) == loaded.input
            {
                file.text = Some(Arc::from(text));
                loaded.unread_text = false;
                let stat = cache::Stat::remembered(&metadata, read_at);
                if let FactsFrom::Cache { read, restat } = &mut loaded.from {
                    *read = true;
                    *restat = loaded.entry.and_then(|entry| entry.restat(stat));
                }
                return true;
            }
            (*file, *loaded) = self.load_read(index, None, loaded.entry);
            false
        };
        on_workers(|| {
            files
                .par_iter_mut()
                .zip(loaded.par_iter_mut())
                .enumerate()
                .map(complete)
                .reduce(|| true, |a, b| a && b)
        })
    }
}

/// A file whose metadata is what it was when its entry was made is not read: its facts
/// are the entry's, decoded only if the project is linked, and its text is read only if
/// a finding quotes it.
fn load_unread<'c>(path: &Path, entry: &'c cache::Entry) -> Option<(SourceFile, Loaded<'c>)> {
    let stat = entry.stat?;
    let now = std::fs::metadata(path).ok()?;
    if cache::Stat::of(&now) != Some(stat) {
        return None;
    }
    let file = SourceFile {
        path: path.to_path_buf(),
        facts: FileFacts::default(),
        bytes: stat.size(),
        text: None,
        lines: Default::default(),
        socketio_major: None,
    };
    let loaded = Loaded {
        from: FactsFrom::Cache {
            read: false,
            restat: None,
        },
        input: entry.hash,
        entry: Some(entry),
        unread_text: entry.quotable,
        undecoded: true,
    };
    Some((file, loaded))
}

/// Extracts facts, turning a panic in a front-end into a diagnostic for that file.
fn extract(
    path: &Path,
    text: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&package::SelfPackage>,
) -> FileFacts {
    let result = std::panic::catch_unwind(|| {
        // Tests make the front-end fail on purpose to check that one file's crash
        // never stops the run; release builds ignore the variable.
        if cfg!(debug_assertions)
            && std::env::var_os("WIRELINT_TEST_PANIC_ON")
                .is_some_and(|name| path.file_name() == Some(name.as_os_str()))
        {
            panic!("requested by WIRELINT_TEST_PANIC_ON");
        }
        lang::extract_in(text, kind, socket_wrappers, package)
    });
    match result {
        Ok(mut facts) => {
            facts.suppressions = suppress::directives(text);
            facts
        }
        Err(_) => crashed(path),
    }
}

/// The facts of a file whose front-end panicked.
fn crashed(path: &Path) -> FileFacts {
    FileFacts {
        parse_error: Some(ParseError {
            span: Span::default(),
            message: format!(
                "internal error while analysing {}; the file was skipped and the rest checked (please report this)",
                discover::display_path(path)
            ),
        }),
        internal_error: true,
        ..FileFacts::default()
    }
}

/// Reads a source file. `Ok(None)` for minified bundles and generated files of output
/// directories; `Err` says why a file cannot be analysed.
fn read_source(source: &SourcePath) -> Result<Option<String>, String> {
    read_source_and_metadata(source).map(|(text, _)| text)
}

/// [`read_source`], and the metadata of the file it read.
fn read_source_and_metadata(
    source: &SourcePath,
) -> Result<(Option<String>, std::fs::Metadata), String> {
    let path = source.path.as_path();
    use std::io::Read;
    let cannot_read = |e: std::io::Error| format!("cannot read this file: {e}");
    let mut file = open_without_blocking(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err("not a regular file (a FIFO, socket or device); it was skipped".to_owned());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    if source.output {
        // Bundles in output directories are large and tell themselves apart in their
        // first lines (a runtime, a minified line): the rest is read only for code.
        const HEAD: u64 = 16 * 1024;
        file.by_ref()
            .take(HEAD)
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
        if discover::head_looks_generated(&bytes) {
            return Ok((None, metadata));
        }
    }
    file.read_to_end(&mut bytes).map_err(cannot_read)?;
    Ok((decode(bytes, source.output)?, metadata))
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

/// The text of a source file from its bytes, as `read_source` describes. `output`: the
/// file is in a build-output directory, where generated files are skipped.
fn decode(bytes: Vec<u8>, output: bool) -> Result<Option<String>, String> {
    const BINARY: &str = "this looks like a binary file, not source code; it was skipped";
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        // Binary files are rarely valid UTF-8; a NUL near the start tells them from text
        // in another encoding (Latin-1) without misreading a NUL a string literal holds.
        Err(e) if e.as_bytes()[..e.as_bytes().len().min(8000)].contains(&0) => {
            return Err(BINARY.to_owned());
        }
        Err(e) => {
            return Err(format!(
                "this file is not valid UTF-8 (invalid byte at offset {}); it was skipped",
                e.utf8_error().valid_up_to()
            ));
        }
    };
    if mostly_control_bytes(text.as_bytes()) {
        return Err(BINARY.to_owned());
    }
    let text = blank_bom(text);
    if is_minified(&text) || (output && discover::looks_generated(&text)) {
        return Ok(None);
    }
    Ok(Some(text))
}

/// Whether the start of a valid UTF-8 file is more than a tenth control bytes (other
/// than tabs, line breaks and form feeds): data, not source. A NUL or an escape byte
/// inside a string literal is a few bytes among thousands.
fn mostly_control_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8000)];
    // Without branches, and counted in bytes per chunk of 255, so that the compiler
    // compares 16 or 32 bytes at a time.
    let is_control =
        |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) | (b == 0x7f);
    let control: usize = (head.chunks(255))
        .map(|chunk| {
            let in_chunk = chunk
                .iter()
                .fold(0u8, |count, &b| count.wrapping_add(u8::from(is_control(b))));
            usize::from(in_chunk)
        })
        .sum();
    control * 10 > head.len()
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

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn binary_is_invalid_utf8_or_mostly_control_bytes() {
        let source = b"const SEPARATOR = \"\0\";\nsocket.emit(\"log\", SEPARATOR);\n".to_vec();
        assert!(matches!(decode(source, false), Ok(Some(_))));
        let image: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
        assert!(decode(image, false).is_err_and(|e| e.contains("binary")));
        let data = [b"ok\n".as_slice(), &[1u8; 100]].concat();
        assert!(decode(data, false).is_err_and(|e| e.contains("binary")));
        let latin1 = b"const s = \"caf\xe9\";\n".to_vec();
        assert!(decode(latin1, false).is_err_and(|e| e.contains("UTF-8")));
    }

    #[test]
    fn control_bytes_are_counted_as_one_by_one() {
        let by_filter = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(8000)];
            let control = (head.iter())
                .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
                .count();
            control * 10 > head.len()
        };
        let all: Vec<u8> = (0..=255u8).collect();
        for share in [0, 1, 9, 10, 11, 50] {
            for len in [0, 10, 254, 255, 256, 1000, 7999, 8000, 9000] {
                let text: Vec<u8> = (0..len)
                    .map(|i| match i % 100 < share {
                        true => all[i % 32],
                        false => all[32 + i % 224],
                    })
                    .collect();
                assert_eq!(
                    super::mostly_control_bytes(&text),
                    by_filter(&text),
                    "{share} {len}"
                );
            }
        }
    }

    #[test]
    fn generated_files_are_skipped_only_in_output_dirs() {
        let bundle = b"(()=>{})();\n//# sourceMappingURL=main.js.map\n".to_vec();
        assert!(matches!(decode(bundle.clone(), true), Ok(None)));
        assert!(matches!(decode(bundle, false), Ok(Some(_))));
    }
}
