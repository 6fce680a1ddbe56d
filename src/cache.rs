//! Per-file facts kept between runs, so an unchanged file is not parsed again, and the
//! findings of the last run, so an unchanged project is not linked again.
//!
//! One file, `facts.bin`, in the cache directory holds every entry: the path of a source
//! file, the hash of the text it was extracted from, and its facts encoded with
//! postcard. The file starts with a header naming the format, the wirelint build and the
//! configuration that extraction depends on; a header that does not match, a checksum
//! that does not match, or an entry that does not decode means the cache is ignored and
//! rewritten — a cache is never trusted or fatal.
//!
//! Entries are keyed by content, and a file's metadata only stands in for reading it, as
//! git's index does: an entry remembers the size, times and inode the file had when its
//! text was hashed, and a file that still has them is taken to still have that text.
//! Times that could still change within one tick of the file system's clock ("racy"
//! entries) are not remembered, so such a file is read again next time.
//!
//! The findings (a [`Memo`]) are reused only when every input of linking is the same:
//! the same files with the same texts, module resolution and configuration. When one
//! file changes, the whole project is linked again, so the files that depend on it see
//! the change.

use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::diagnostic::Diagnostic;
use crate::facts::FileFacts;

/// The directory `wirelint check` uses unless told otherwise.
pub const DIR_NAME: &str = ".wirelint_cache";

const FILE_NAME: &str = "facts.bin";
const MAGIC: &[u8; 8] = b"wlcache\0";
/// Bumped when the layout of the file itself changes; the layout of facts is covered by
/// the build identity in the key.
const FORMAT: u32 = 10;

/// The hash of a file's text, as stored in its entry.
pub type ContentHash = u128;

pub fn content_hash(text: &str) -> ContentHash {
    xxh3_128(text.as_bytes())
}

/// The hash that stands for a file skipped as a minified bundle, whose facts are empty.
pub const SKIPPED: ContentHash = 0;
/// The same, for a file skipped as generated in a build-output directory: a verdict that
/// holds only while the file is read as one (see `SourcePath::output`).
pub const SKIPPED_IN_OUTPUT_DIR: ContentHash = 1;

/// What a file's facts are extracted from: its text, and for a file of a Socket.IO
/// package, what its manifest says (see `crate::package`).
pub fn input_hash(text: &str, package: Option<&crate::package::SelfPackage>) -> ContentHash {
    let hash = content_hash(text);
    match package {
        None => hash,
        Some(package) => {
            let mut bytes = [0u8; 32];
            bytes[..16].copy_from_slice(&hash.to_le_bytes());
            bytes[16..].copy_from_slice(&package.fingerprint().to_le_bytes());
            xxh3_128(&bytes)
        }
    }
}

/// What a file's metadata said when its text was hashed. Equal metadata later means the
/// same text: a write changes the modification time, and anything that sets that time
/// back changes the status-change time, which no program can set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stat {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

/// Times within this distance of the moment the text was read may still change without
/// changing the metadata (file systems keep time in ticks of up to two seconds).
const RACY: std::time::Duration = std::time::Duration::from_secs(2);

impl Stat {
    #[cfg(unix)]
    pub fn of(metadata: &std::fs::Metadata) -> Option<Stat> {
        use std::os::unix::fs::MetadataExt;
        Some(Stat {
            len: metadata.len(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
            inode: metadata.ino(),
            device: metadata.dev(),
        })
    }

    /// Elsewhere files are always read.
    #[cfg(not(unix))]
    pub fn of(_: &std::fs::Metadata) -> Option<Stat> {
        None
    }

    /// What to remember of the metadata of a file whose text was read at `read_at`:
    /// nothing when its times are so recent that the file could still change without
    /// changing them.
    pub fn remembered(
        metadata: &std::fs::Metadata,
        read_at: std::time::SystemTime,
    ) -> Option<Stat> {
        Stat::of(metadata)?.settled(read_at)
    }

    fn settled(self, read_at: std::time::SystemTime) -> Option<Stat> {
        let settled = read_at
            .checked_sub(RACY)?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let settled = (settled.as_secs() as i64, i64::from(settled.subsec_nanos()));
        (self.modified < settled && self.changed < settled).then_some(self)
    }

    pub fn size(&self) -> u64 {
        self.len
    }
}

/// The facts of the previous run, and what this run adds to them.
pub struct Cache {
    dir: PathBuf,
    /// Entries are kept by absolute path: the same file checked from another
    /// directory, or as `.` and as `./src`, is one entry (see `key`).
    cwd: PathBuf,
    key: u64,
    /// By path.
    entries: FxHashMap<String, Entry>,
    memo: Option<Memo>,
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
struct Body {
    entries: Vec<(String, Entry)>,
    memo: Option<Memo>,
}

/// The facts extracted from one text of a file.
#[derive(Clone, Serialize, Deserialize)]
pub struct Entry {
    pub hash: ContentHash,
    /// The file's metadata when that text was read, unless it was racy.
    pub stat: Option<Stat>,
    /// Findings may quote the text (the facts have sites or a parse error).
    pub quotable: bool,
    /// What the facts read of the package manifest besides the text (a
    /// `SelfPackage::fingerprint`, 0 for none): unchanged metadata of the file vouches for
    /// them only while the package is still this.
    pub package: u128,
    // As one byte string: serde would otherwise encode and decode it byte by byte.
    #[serde(with = "serde_bytes")]
    facts: Vec<u8>,
}

impl Entry {
    pub fn facts(&self) -> Option<FileFacts> {
        postcard::from_bytes(&self.facts).ok()
    }

    /// The metadata to remember instead of the entry's after reading its text again
    /// with metadata `stat`, or `None` when it is the entry's.
    pub fn restat(&self, stat: Option<Stat>) -> Option<Option<Stat>> {
        (self.stat != stat).then_some(stat)
    }
}

/// What one file of this run leaves in the cache.
pub enum Stored {
    /// Facts extracted now.
    Fresh(Entry),
    /// The entry as it was.
    Same,
    /// The entry, with the metadata of this read.
    Restat(Option<Stat>),
}

/// The findings of a whole run and the hash of everything they were computed from.
#[derive(Clone, Serialize, Deserialize)]
pub struct Memo {
    pub inputs: u128,
    /// How many distinct events the graph had, and how many files did not parse, for
    /// the summary.
    pub events: usize,
    pub parse_errors: usize,
    /// Whether the graph had Socket.IO sites on the client side and on the server side:
    /// a warm run prints the same note about a partial view as the run that linked.
    pub sides: (bool, bool),
    pub diagnostics: Vec<Diagnostic>,
}

impl Cache {
    /// Opens the cache in `dir` for a run whose extraction depends on `socket_wrappers`.
    /// A missing, unreadable, foreign or corrupt cache opens empty.
    pub fn open(dir: &Path, socket_wrappers: &[String]) -> Cache {
        let key = build_key(socket_wrappers);
        let body = std::fs::read(dir.join(FILE_NAME))
            .ok()
            .and_then(|bytes| decode(&bytes, key));
        let (entries, memo) = match body {
            Some(body) => (body.entries.into_iter().collect(), body.memo),
            None => Default::default(),
        };
        Cache {
            dir: dir.to_path_buf(),
            cwd: std::env::current_dir().unwrap_or_default(),
            key,
            entries,
            memo,
        }
    }

    /// What was extracted from `path` last time.
    pub fn entry(&self, path: &Path) -> Option<&Entry> {
        self.entries.get(&self.key(path)?)
    }

    /// The findings of the last run, if it had exactly these inputs.
    pub fn memo(&self, inputs: u128) -> Option<&Memo> {
        self.memo.as_ref().filter(|memo| memo.inputs == inputs)
    }

    /// The entry for facts extracted from a text with this hash, read when the file had
    /// this metadata.
    pub fn encode(
        facts: &FileFacts,
        hash: ContentHash,
        stat: Option<Stat>,
        package: u128,
    ) -> Option<Entry> {
        let quotable = facts.quotable();
        postcard::to_stdvec(facts).ok().map(|facts| Entry {
            hash,
            stat,
            quotable,
            package,
            facts,
        })
    }

    /// Writes the cache back when this run changes it. `files`: every file of the run,
    /// and what it leaves in the cache (`None`: nothing, as for a file now binary or
    /// unreadable, whose entry is dropped); `memo`: the findings of the run, when they
    /// may be reused. Entries of files the run did not look at are kept while the file
    /// exists, so checking one directory does not evict another's. Errors are ignored:
    /// a read-only checkout is checked as well, only without a cache.
    pub fn save(mut self, files: Vec<(&Path, Option<Stored>)>, memo: Option<Memo>) {
        // A run that read no file (an empty folder, a path with no source) leaves no
        // cache behind.
        if files.is_empty() {
            return;
        }
        let memo_changed = match (&self.memo, &memo) {
            (Some(old), Some(new)) => old.inputs != new.inputs,
            (None, None) => false,
            _ => true,
        };
        // The usual warm run: every file as it was, and no other entry.
        if !memo_changed
            && files.len() == self.entries.len()
            && files
                .iter()
                .all(|(_, stored)| matches!(stored, Some(Stored::Same)))
        {
            return;
        }
        let before = self.entries.len();
        let mut changed = false;
        let mut seen: FxHashSet<String> = FxHashSet::default();
        let mut kept: FxHashSet<String> = FxHashSet::default();
        let mut fresh = Vec::new();
        for (path, stored) in files {
            let Some(key) = self.key(path) else {
                continue;
            };
            match stored {
                Some(Stored::Same) => {
                    kept.insert(key.clone());
                }
                Some(Stored::Restat(stat)) => {
                    if let Some(entry) = self.entries.get_mut(&key) {
                        entry.stat = stat;
                        changed = true;
                    }
                    kept.insert(key.clone());
                }
                Some(Stored::Fresh(entry)) => fresh.push((key.clone(), entry)),
                None => {}
            }
            seen.insert(key);
        }
        self.entries.retain(|path, _| {
            kept.contains(path) || (!seen.contains(path) && Path::new(path).exists())
        });
        changed |= !fresh.is_empty() || self.entries.len() != before;
        if !changed && !memo_changed {
            return;
        }
        self.entries.extend(fresh);
        self.memo = memo;
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
        let mut entries: Vec<(String, Entry)> = self.entries.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let body = Body {
            entries,
            memo: self.memo,
        };
        let body = postcard::to_stdvec(&body).map_err(std::io::Error::other)?;
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

fn decode(bytes: &[u8], key: u64) -> Option<Body> {
    let (header, body): (Header, &[u8]) = postcard::take_from_bytes(bytes).ok()?;
    if header.magic != *MAGIC
        || header.format != FORMAT
        || header.key != key
        || header.checksum != xxh3_64(body)
    {
        return None;
    }
    postcard::from_bytes(body).ok()
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

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use super::Stat;

    fn stat_at(modified: SystemTime, changed: SystemTime) -> Stat {
        let parts = |t: SystemTime| {
            let since = t.duration_since(UNIX_EPOCH).expect("after 1970");
            (since.as_secs() as i64, i64::from(since.subsec_nanos()))
        };
        Stat {
            len: 1,
            modified: parts(modified),
            changed: parts(changed),
            inode: 1,
            device: 1,
        }
    }

    #[test]
    fn times_within_two_seconds_of_the_read_are_not_trusted() {
        let read_at = SystemTime::now();
        let old = read_at - Duration::from_secs(60);
        let recent = read_at - Duration::from_millis(1500);
        assert!(stat_at(old, old).settled(read_at).is_some());
        assert!(stat_at(recent, old).settled(read_at).is_none());
        // `touch -d` sets the modification time back, not the status-change time.
        assert!(stat_at(old, recent).settled(read_at).is_none());
        assert!(stat_at(read_at, read_at).settled(read_at).is_none());
    }
}
