//! The parser floor: what reading and parsing alone cost, which `check` is compared to
//! (`wirelint parse-floor`, the benchmarks). It measures the first half of loading, so
//! it sits next to it and reads files the same way.

use std::path::PathBuf;

use super::read::read_source;
use crate::{discover, lang, workers};

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
    // In the order `check` loads files, largest first.
    let plan = |index: usize| {
        let size = std::fs::metadata(&discovered[index].path).map_or(0, |metadata| metadata.len());
        (size, ())
    };
    let results = workers::map_largest_first(discovered.len(), plan, |index, ()| {
        let source = &discovered[index];
        match read_source(source) {
            Ok(Some(text)) => (text.len() as u64, lang::parses(&text, source.kind)),
            Ok(None) => (0, true),
            Err(_) => (0, false),
        }
    });
    Ok(ParseFloor {
        files: results.len(),
        bytes: results.iter().map(|(bytes, _)| bytes).sum(),
        parse_errors: results.iter().filter(|(_, ok)| !ok).count(),
        elapsed: start.elapsed(),
    })
}
