//! `--watch`: check again whenever a file changes. A poll of the files' metadata (and
//! of their directories', for files added or removed), not an OS notifier: no new
//! dependency, and the checks themselves are incremental through the cache.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(300);

/// What is watched, as a list of (path, size, modified) in path order.
#[derive(PartialEq, Eq)]
pub struct Snapshot(Vec<(PathBuf, Option<(u64, SystemTime)>)>);

impl Snapshot {
    /// The files analysed, their directories, the configuration and the paths given.
    pub fn take(files: &[PathBuf], extra: &[PathBuf]) -> Snapshot {
        let mut paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        paths.extend(files.iter().filter_map(|f| f.parent()));
        paths.extend(extra.iter().map(PathBuf::as_path));
        paths.sort();
        paths.dedup();
        Snapshot(
            paths
                .into_iter()
                .map(|path| {
                    let meta = std::fs::metadata(path).ok();
                    let stamp = meta.and_then(|m| Some((m.len(), m.modified().ok()?)));
                    (path.to_path_buf(), stamp)
                })
                .collect(),
        )
    }
}

/// Waits until something in `before` changes.
pub fn wait_for_change(files: &[PathBuf], extra: &[PathBuf], before: &Snapshot) {
    loop {
        std::thread::sleep(POLL);
        if Snapshot::take(files, extra) != *before {
            return;
        }
    }
}

/// How many checks a watch makes before it stops: unbounded, unless the tests set
/// `WIRELINT_WATCH_CYCLES` to end the process they start.
pub fn max_cycles() -> Option<usize> {
    std::env::var("WIRELINT_WATCH_CYCLES").ok()?.parse().ok()
}
