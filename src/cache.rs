//! Per-file facts kept between runs, so an unchanged file is not parsed again.
//!
//! One file, `facts.bin`, in the cache directory holds every entry: the path of a source
//! file, the hash of the text it was extracted from, and its facts encoded with
//! postcard. The file starts with a header naming the format, the wirelint build and the
//! configuration that extraction depends on; a header that does not match, a checksum
//! that does not match, or an entry that does not decode means the cache is ignored and
//! rewritten — a cache is never trusted or fatal. Linking and rules always run on the
//! whole project, so when one file changes, the files that depend on it are re-linked.

use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::facts::FileFacts;

/// The directory `wirelint check` uses unless told otherwise.
pub const DIR_NAME: &str = ".wirelint_cache";

const FILE_NAME: &str = "facts.bin";
const MAGIC: &[u8; 8] = b"wlcache\0";
/// Bumped when the layout of the file itself changes; the layout of facts is covered by
/// the build identity in the key.
const FORMAT: u32 = 1;

/// The hash of a file's text, as stored in its entry.
pub type ContentHash = u128;

pub fn content_hash(text: &str) -> ContentHash {
    xxh3_128(text.as_bytes())
}

/// The facts of the previous run, and what this run adds to them.
pub struct Cache {
    dir: PathBuf,
    /// Entries are kept by absolute path: the same file checked from another
    /// directory, or as `.` and as `./src`, is one entry (see `key`).
    cwd: PathBuf,
    key: u64,
    /// By path: the hash of the text and the encoded facts.
    entries: FxHashMap<String, (ContentHash, Vec<u8>)>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    magic: [u8; 8],
    format: u32,
    key: u64,
    /// xxh3 of everything after the header.
    checksum: u64,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    path: String,
    hash: ContentHash,
    facts: Vec<u8>,
}

/// What one file of this run leaves in the cache.
pub struct Stored {
    pub hash: ContentHash,
    pub facts: Vec<u8>,
}

impl Cache {
    /// Opens the cache in `dir` for a run whose extraction depends on `socket_wrappers`.
    /// A missing, unreadable, foreign or corrupt cache opens empty.
    pub fn open(dir: &Path, socket_wrappers: &[String]) -> Cache {
        let key = build_key(socket_wrappers);
        let entries = std::fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|bytes| decode(&bytes, key))
            .unwrap_or_default();
        Cache {
            dir: dir.to_path_buf(),
            cwd: std::env::current_dir().unwrap_or_default(),
            key,
            entries,
        }
    }

    /// The facts extracted last time from exactly this text of `path`.
    pub fn get(&self, path: &Path, hash: ContentHash) -> Option<FileFacts> {
        let (stored_hash, bytes) = self.entries.get(&self.key(path)?)?;
        if *stored_hash != hash {
            return None;
        }
        postcard::from_bytes(bytes).ok()
    }

    /// Encodes facts for [`Cache::save`].
    pub fn encode(facts: &FileFacts, hash: ContentHash) -> Option<Stored> {
        postcard::to_stdvec(facts)
            .ok()
            .map(|facts| Stored { hash, facts })
    }

    /// Writes the cache back when this run changes it: `fresh` are the facts extracted
    /// now, `hits` the files whose facts came from the cache, `seen` every file of the
    /// run. An entry of a file the run saw but could not use (now binary, unreadable)
    /// is dropped; entries of files it did not look at are kept while the file exists,
    /// so checking one directory does not evict another's. Errors are ignored: a
    /// read-only checkout is checked as well, only without a cache.
    pub fn save(mut self, seen: &[&Path], hits: &[&Path], fresh: Vec<(&Path, Stored)>) {
        let before = self.entries.len();
        let seen: FxHashSet<String> = seen.iter().filter_map(|path| self.key(path)).collect();
        let hits: FxHashSet<String> = hits.iter().filter_map(|path| self.key(path)).collect();
        self.entries.retain(|path, _| {
            hits.contains(path) || (!seen.contains(path) && Path::new(path).exists())
        });
        if fresh.is_empty() && self.entries.len() == before {
            return;
        }
        for (path, stored) in fresh {
            if let Some(path) = self.key(path) {
                self.entries.insert(path, (stored.hash, stored.facts));
            }
        }
        let _ = self.write();
    }

    /// The absolute path, as text (a path that is not UTF-8 is rare enough to go
    /// uncached). Normalising is needed only for `.` and `..` components, which
    /// discovered paths seldom have.
    fn key(&self, path: &Path) -> Option<String> {
        let joined = self.cwd.join(path);
        let text = path.to_str()?;
        let absolute = if text
            .split(['/', '\\'])
            .any(|part| part == "." || part == "..")
        {
            crate::discover::absolute(&joined)
        } else {
            joined
        };
        absolute.into_os_string().into_string().ok()
    }

    fn write(self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        // The directory keeps itself out of git, and backup tools that honour
        // CACHEDIR.TAG skip it.
        let markers = [
            (
                ".gitignore",
                "# Created by wirelint; the cache is never committed.\n*\n",
            ),
            (
                "CACHEDIR.TAG",
                "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by wirelint.\n",
            ),
        ];
        for (name, text) in markers {
            let marker = self.dir.join(name);
            if !marker.exists() {
                std::fs::write(marker, text)?;
            }
        }
        let mut entries: Vec<Entry> = self
            .entries
            .into_iter()
            .map(|(path, (hash, facts))| Entry { path, hash, facts })
            .collect();
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let body = postcard::to_stdvec(&entries).map_err(std::io::Error::other)?;
        let header = Header {
            magic: *MAGIC,
            format: FORMAT,
            key: self.key,
            checksum: xxh3_64(&body),
        };
        let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
        file.write_all(&postcard::to_stdvec(&header).map_err(std::io::Error::other)?)?;
        file.write_all(&body)?;
        // Concurrent runs each write a whole file and rename it into place: the last
        // one wins, and no reader ever sees half of one.
        file.persist(self.dir.join(FILE_NAME))
            .map_err(|e| e.error)?;
        Ok(())
    }
}

fn decode(bytes: &[u8], key: u64) -> Option<FxHashMap<String, (ContentHash, Vec<u8>)>> {
    let (header, body): (Header, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    if header.magic != *MAGIC
        || header.format != FORMAT
        || header.key != key
        || header.checksum != xxh3_64(body)
    {
        return None;
    }
    let entries: Vec<Entry> = postcard::from_bytes(body).ok()?;
    Some(
        entries
            .into_iter()
            .map(|entry| (entry.path, (entry.hash, entry.facts)))
            .collect(),
    )
}

/// What facts depend on besides a file's text: the wirelint build that extracted them
/// (its version, and the executable's size and modification time, so a rebuilt binary
/// with the same version never reads facts of another extraction) and the configured
/// socket wrappers.
fn build_key(socket_wrappers: &[String]) -> u64 {
    let mut hasher = Xxh3::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    let executable = std::env::current_exe().and_then(std::fs::metadata).ok();
    if let Some(metadata) = executable {
        hasher.update(&metadata.len().to_le_bytes());
        if let Ok(modified) = metadata.modified()
            && let Ok(since_epoch) = modified.duration_since(std::time::UNIX_EPOCH)
        {
            hasher.update(&since_epoch.as_nanos().to_le_bytes());
        }
    }
    for wrapper in socket_wrappers {
        hasher.update(wrapper.as_bytes());
        hasher.update(&[0]);
    }
    hasher.digest()
}
