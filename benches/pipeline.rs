//! Benchmarks of the pipeline's phases, in process: `cargo bench`.
//!
//! They run on the bundled sample app, and on a real project when
//! `WIRELINT_BENCH_CORPUS` names one (`bench/run.sh` prepares uptime-kuma and
//! etherpad). Whole-command timings against the parser floor and ESLint are
//! `bench/run.sh`'s job; these isolate one phase each, so a change to one shows.

use std::path::{Path, PathBuf};

use divan::Bencher;

// As the command-line tool does.
#[global_allocator]
static ALLOCATOR: wirelint::alloc::Mimalloc = wirelint::alloc::Mimalloc;

fn main() {
    divan::main();
}

/// The projects to measure: the sample app, and the corpus named in the environment.
fn corpora() -> Vec<PathBuf> {
    let mut corpora = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/chatlite")];
    if let Some(corpus) = std::env::var_os("WIRELINT_BENCH_CORPUS") {
        corpora.push(PathBuf::from(corpus));
    }
    corpora
}

/// A corpus by the name of its directory (its parent's for an unpacked npm `package`).
fn name_of(path: &Path) -> String {
    let named = match path.file_name() {
        Some(name) if name == "package" => path.parent().unwrap_or(path),
        _ => path,
    };
    named
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
}

fn names() -> Vec<String> {
    corpora().iter().map(|path| name_of(path)).collect()
}

fn corpus(name: &str) -> PathBuf {
    corpora()
        .into_iter()
        .find(|path| name_of(path) == name)
        .expect("a corpus of that name")
}

/// Reading and parsing every file, extracting nothing: the floor.
#[divan::bench(args = names())]
fn parse_floor(bencher: Bencher, name: &str) {
    let paths = [corpus(name)];
    bencher.bench(|| wirelint::parse_floor(&paths, false).expect("discovers"));
}

/// The whole analysis with no cache: discover, parse and extract, link, rules.
#[divan::bench(args = names())]
fn check_cold(bencher: Bencher, name: &str) {
    let paths = [corpus(name)];
    bencher.bench(|| wirelint::analyze(&paths).expect("discovers"));
}

/// The whole analysis with every file's facts in the cache.
#[divan::bench(args = names())]
fn check_warm(bencher: Bencher, name: &str) {
    let paths = [corpus(name)];
    let cache = tempfile::tempdir().expect("tempdir");
    let options = wirelint::Options {
        cache_dir: Some(cache.path().to_path_buf()),
        ..wirelint::Options::default()
    };
    wirelint::analyze_with(&paths, &options).expect("discovers");
    bencher.bench(|| wirelint::analyze_with(&paths, &options).expect("discovers"));
}

/// Linking extracted facts into the event graph, and the rules over it.
#[divan::bench(args = names())]
fn link_and_rules(bencher: Bencher, name: &str) {
    let analysis = wirelint::analyze(&[corpus(name)]).expect("discovers");
    let paths: Vec<PathBuf> = analysis.files.iter().map(|f| f.path.clone()).collect();
    let config = wirelint::config::Config::default();
    bencher.bench(|| {
        let resolver = wirelint::resolve::Resolver::new(&paths);
        // The bodies the front-end deferred, read again as the pipeline does.
        let ask_effects = |file: usize| {
            let path = &analysis.files[file].path;
            let text = std::fs::read_to_string(path).ok()?;
            let kind = wirelint::discover::classify(path)?;
            Some(wirelint::lang::call_effects(&text, kind, &[], None))
        };
        let graph = wirelint::link::link(
            &analysis.files,
            &resolver,
            config.link_settings(),
            &ask_effects,
        );
        wirelint::rules::run(&wirelint::rules::Context::new(&graph, &analysis.files))
    });
}
