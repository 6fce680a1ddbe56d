//! How one run is set up beyond the paths it is given: what the pipeline's phases are
//! handed, below them so that loading need not look up to the pipeline for it.

use std::path::PathBuf;

use crate::config::Config;

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
    /// every file. With a cache, an unchanged project's [`crate::Analysis::graph`] is empty:
    /// what needs the graph (`trace`, `graph`) runs without one.
    pub cache_dir: Option<PathBuf>,
}

/// File contents that replace what is on disk: fixes not yet written.
pub type Overlay = std::collections::HashMap<PathBuf, String>;
