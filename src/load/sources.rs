//! The files a run loads: what discovery finds under the given paths, less what the
//! configuration excludes, plus an editor's unsaved buffer when it is not among them.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::discover::{self, SourcePath};
use crate::options::Options;

/// The files a run loads, in the order of their ids.
pub(crate) struct Sources<'o> {
    pub(crate) discovered: Vec<SourcePath>,
    /// The directories and configuration files the walk saw, for resolving modules.
    pub(crate) listing: discover::Listing,
    /// Files skipped for their name alone (`*.min.js`, `*.bundle.js`), never read.
    pub(crate) minified: Vec<PathBuf>,
    /// The index of the file whose text the editor gives (`--stdin-filename`), and that
    /// text.
    pub(crate) stdin: Option<(usize, &'o [u8])>,
}

impl<'o> Sources<'o> {
    /// Walks `paths` as `options` say.
    pub(crate) fn discover(
        paths: &[PathBuf],
        options: &'o Options,
    ) -> Result<Sources<'o>, discover::DiscoverError> {
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
        Ok(Sources {
            discovered,
            listing,
            minified,
            stdin,
        })
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
