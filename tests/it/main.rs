//! One integration-test binary (every extra binary re-links swc).

use std::path::Path;

use assert_cmd::Command;

/// The real binary. It keeps no cache, so that checking `testdata/` leaves no
/// `.wirelint_cache` there; the `cache` tests turn it back on.
pub fn wirelint() -> Command {
    let mut command = Command::cargo_bin("wirelint").expect("binary is built");
    command
        .env("WIRELINT_NO_CACHE", "1")
        .env_remove("WIRELINT_CACHE_DIR");
    command
}

/// The real binary, run from `dir`.
pub fn wirelint_in(dir: &Path) -> Command {
    let mut command = wirelint();
    command.current_dir(dir);
    command
}

/// Writes a file of a test project, creating its directories.
pub fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

mod baseline;
mod cache;
mod cli;
mod config;
mod conventions;
mod docs;
mod fixes;
mod fixtures;
mod formats;
mod layers;
mod only_files;
mod output;
mod packaging;
mod precommit;
mod readme;
mod robustness;
mod rule_docs;
mod stdin;
mod trace;
