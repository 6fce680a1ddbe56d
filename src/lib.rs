//! wirelint: finds event-wiring bugs between Socket.IO clients and servers, and between
//! Tauri webviews and their Rust core.
//!
//! The pipeline ([`analyze_with`]) reads top to bottom:
//! 1. discover the source files under the given paths (`load/sources.rs`);
//! 2. load each file's facts, from the cache or extracted by its language's front-end
//!    ([`lang`]) on the worker threads (`load/`), or the last run's findings when
//!    nothing they depend on has changed;
//! 3. link the facts of all files into the event graph ([`link::link`]);
//! 4. check the graph: the rules, suppressions, severities (`check.rs`);
//! 5. the [`Analysis`] that the reports ([`report`]), fixes and `trace` read.
//!
//! ## Layers
//!
//! Lowest first. A module uses only modules of the layers before its own, never one of
//! its own layer or a later one (`tests/it/layers.rs` checks it), so that a value type
//! never depends on what produces or consumes it:
//!
//! 1. `source`, `suggest`, `words`, `workers`, `alloc`: text utilities (line positions,
//!    spelling, words); the worker threads and the allocator the binaries use.
//! 2. `ids`, `transport`: what a site is located by; the transports (Socket.IO) and
//!    what each means by an event, a namespace, an ack.
//! 3. `facts`: what a front-end reports of a file.
//! 4. `catalog`: every rule's metadata (id, default severity, fix availability, docs).
//! 5. `diagnostic`: the finding every rule builds, by rule id, file and span.
//! 6. `discover`, `lockfile`: the files to read and how paths are named; lockfiles.
//! 7. `package`, `resolve`, `link_settings`: package manifests, module resolution, and
//!    what the linker takes from the configuration.
//! 8. `cache`, `lang`: per-file facts, cached or extracted by a front-end.
//! 9. `apps`: which files form one app.
//! 10. `graph`: the event graph and the lookups rules make on it.
//! 11. `link`: linking the facts into the event graph.
//! 12. `rules`: each rule's check over the graph.
//! 13. `config`: `wirelint.toml`, read by what follows; extraction, linking and the
//!     rules see only what they are handed (`link_settings`, the socket wrappers).
//! 14. `suppress`, `severity`, `options`: passes over the rules' findings; how a run
//!     is set up.
//! 15. `load`, `check`: loading the files (cache, front-ends) and checking the graph.
//! 16. `crate` (this file): the pipeline, and the `Analysis` it returns.
//! 17. `baseline`, `fix`: what a run's findings are compared with, and applying fixes.
//! 18. `report`: the output formats.
//! 19. `trace`: one event traced end to end, with the reports' positions and fixes.

pub mod alloc;
pub mod apps;
pub mod baseline;
pub mod cache;
pub mod catalog;
mod check;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod facts;
pub mod fix;
pub mod graph;
pub mod ids;
pub mod lang;
pub mod link;
pub mod link_settings;
mod load;
pub mod lockfile;
mod options;
pub mod package;
pub mod report;
pub mod resolve;
pub mod rules;
pub mod severity;
pub mod source;
pub mod suggest;
pub mod suppress;
pub mod trace;
pub mod transport;
pub mod words;
mod workers;

use std::path::PathBuf;

pub use load::{ParseFloor, parse_floor};
pub use options::{Options, Overlay};
pub use workers::set_threads;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
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

/// Analyses a project with no configuration file.
pub fn analyze(paths: &[PathBuf]) -> Result<Analysis, discover::DiscoverError> {
    analyze_with(paths, &Options::default())
}

/// Analyses a project: the pipeline, one phase a line.
pub fn analyze_with(
    paths: &[PathBuf],
    options: &Options,
) -> Result<Analysis, discover::DiscoverError> {
    let config = &options.config;
    let mut clock = PhaseClock::default();
    let sources = clock.time(Phase::Discover, || load::Sources::discover(paths, options))?;
    let loader = clock.time(Phase::Extract, || load::Loader::new(&sources, options));
    let project = clock.time(Phase::Extract, || loader.load());
    let graph = clock.time(Phase::Link, || link(&project, &loader, config));
    let findings = clock.time(Phase::Rules, || {
        check(&project, &graph, &loader, paths, config)
    });
    // Writing the cache is counted with reading it.
    let remember = || loader.remember(project, |inputs| findings.memo(inputs));
    let loaded = clock.time(Phase::Extract, remember);
    let analysis = Analysis::new(loaded, sources.minified, graph, findings, clock);
    Ok(analysis)
}

/// The event graph of the loaded files; empty when the last run's findings are reused.
/// The call effects the front-ends deferred are asked of the loader.
fn link(project: &load::Project, loader: &load::Loader, config: &Config) -> EventGraph {
    match project.reused {
        Some(_) => EventGraph::default(),
        None => {
            let ask_effects = |file| loader.call_effects(project, file);
            link::link(
                &project.files,
                &project.resolver,
                config.link_settings(),
                &ask_effects,
            )
        }
    }
}

/// The findings of the last run when they are reused, else the rules' over the graph.
fn check(
    project: &load::Project,
    graph: &EventGraph,
    loader: &load::Loader,
    roots: &[PathBuf],
    config: &Config,
) -> check::Findings {
    if let Some(memo) = &project.reused {
        return check::Findings::reused(memo);
    }
    let code = |file, texts| loader.code(&project.files, file, texts);
    check::check(graph, &project.files, roots, config, &code)
}

/// The phases of a run, as `--timings` shows them.
enum Phase {
    Discover,
    Extract,
    Link,
    Rules,
}

/// The wall time of each phase of a run so far.
#[derive(Default)]
struct PhaseClock {
    timings: Timings,
}

impl PhaseClock {
    /// Runs one phase, or part of one, and adds the time it takes to the phase's.
    fn time<T>(&mut self, phase: Phase, run: impl FnOnce() -> T) -> T {
        let start = std::time::Instant::now();
        let out = run();
        let total = match phase {
            Phase::Discover => &mut self.timings.discover,
            Phase::Extract => &mut self.timings.extract,
            Phase::Link => &mut self.timings.link,
            Phase::Rules => &mut self.timings.rules,
        };
        *total += start.elapsed();
        out
    }
}

impl Analysis {
    fn new(
        loaded: load::LoadedFiles,
        minified: Vec<PathBuf>,
        graph: EventGraph,
        findings: check::Findings,
        clock: PhaseClock,
    ) -> Analysis {
        let timings = Timings {
            files: loaded.files.len(),
            bytes: loaded.files.iter().map(|f| f.bytes).sum(),
            threads: workers::count(),
            cached: loaded.cached,
            unread: loaded.unread,
            reused: loaded.reused,
            ..clock.timings
        };
        Analysis {
            files: loaded.files,
            graph,
            diagnostics: findings.diagnostics,
            events: findings.events,
            parse_errors: findings.parse_errors,
            sides: findings.sides,
            timings,
            generated: loaded.generated,
            minified,
        }
    }

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
