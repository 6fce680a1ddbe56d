//! What the linker takes from the configuration: `[sides]` (path globs that put a file on
//! a side), `[sockets]` (functions that return a socket the analysis cannot see into) and
//! `[apps]` (the files that form each app). `config` reads them from `wirelint.toml`
//! and hands this plain value to the linker, which thereby depends on these settings
//! and not on the configuration (its rules, test paths, ignored events, ...).

use std::path::{Path, PathBuf};

use globset::GlobSet;

use crate::facts::Side;

#[derive(Debug, Default)]
pub struct LinkSettings {
    /// The absolute directory the globs are relative to: the configuration file's.
    pub base: PathBuf,
    /// `[sides] client` and `[sides] server`.
    pub client_paths: GlobSet,
    pub server_paths: GlobSet,
    /// `[sockets]`: each wrapper's name and the side of the socket it returns.
    pub sockets: Vec<(String, Side)>,
    /// `[apps]`: each app's name and the globs of its files, in name order.
    pub apps: Vec<(String, GlobSet)>,
}

impl LinkSettings {
    /// The path relative to the configuration's directory, for matching globs.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let path = crate::discover::absolute(path);
        path.strip_prefix(&self.base).ok().map(Path::to_path_buf)
    }

    /// The side `[sides]` puts a file on; none when no glob or both sides match.
    pub fn side_of_path(&self, path: &Path) -> Option<Side> {
        if self.client_paths.is_empty() && self.server_paths.is_empty() {
            return None;
        }
        let rel = self.relative(path)?;
        match (
            self.client_paths.is_match(&rel),
            self.server_paths.is_match(&rel),
        ) {
            (true, false) => Some(Side::Client),
            (false, true) => Some(Side::Server),
            _ => None,
        }
    }

    /// The `[apps]` entry a file belongs to (the first by name when several match), as
    /// its index in `app_names`; none when `[apps]` does not list it.
    pub fn app_of_path(&self, path: &Path) -> Option<usize> {
        if self.apps.is_empty() {
            return None;
        }
        let rel = self.relative(path)?;
        self.apps.iter().position(|(_, globs)| globs.is_match(&rel))
    }

    /// The names of the `[apps]` entries, in name order.
    pub fn app_names(&self) -> impl Iterator<Item = &str> {
        self.apps.iter().map(|(name, _)| name.as_str())
    }

    /// The side of the socket a `[sockets]` wrapper of this name returns.
    pub fn socket_wrapper(&self, name: &str) -> Option<Side> {
        self.sockets
            .iter()
            .find(|(wrapper, _)| wrapper == name)
            .map(|(_, side)| *side)
    }
}
