//! Loading: the facts of every file a run checks, from the cache when the file has not
//! changed, else extracted from its text on the worker threads; and the findings of the
//! last run instead of linking again, when nothing linking reads has changed since.
//!
//! `sources.rs` says which files are loaded, `read.rs` turns a file into text, and
//! `parse_floor.rs` measures reading and parsing alone, the floor `check` is compared to.

mod parse_floor;
mod read;
mod sources;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

pub use parse_floor::{ParseFloor, parse_floor};
pub(crate) use sources::Sources;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::discover::FileKind;
use crate::facts::{FileFacts, ParseError, Span};
use crate::graph::SourceFile;
use crate::options::{Options, Overlay};
use crate::workers::{self, on_workers};
use crate::{cache, discover, lang, package, resolve, severity, suppress};
use read::{decode, read_source, read_source_and_metadata};

/// Loads the files of [`Sources`]: their facts from the cache or from their text.
pub(crate) struct Loader<'s> {
    sources: &'s Sources<'s>,
    /// Texts of files changed by fixes not yet written.
    overlay: &'s Overlay,
    config: &'s Config,
    /// Of each discovered file, the Socket.IO package it is part of and the version of
    /// the Socket.IO client its package depends on.
    packages: package::FilePackages,
    socket_wrappers: Vec<String>,
    cache: Option<cache::Cache>,
}

/// The files of a run, loaded: ready to link, or with the findings of the last run.
pub(crate) struct Project {
    pub(crate) files: Vec<SourceFile>,
    pub(crate) resolver: resolve::Resolver,
    /// The findings of the last run, when nothing linking reads has changed since: the
    /// facts of the files not read are then left undecoded, and nothing is linked.
    pub(crate) reused: Option<cache::Memo>,
    /// The hash of everything linking reads, when this run's findings may be
    /// remembered.
    inputs: Option<u128>,
    /// What each file leaves in the cache, when there is one.
    stored: Option<Vec<Option<cache::Stored>>>,
    /// How many files' facts came from the cache, and how many of those were not read.
    cached: usize,
    unread: usize,
    /// Files skipped as minified or generated, by their content.
    generated: Vec<PathBuf>,
    /// Of each file, the hash of the input its facts came from: a text read again for
    /// [`Loader::call_effects`] must still be that one. `None` for a text kept in its
    /// file, which is that input (see [`Loaded::input`]).
    input_hashes: Vec<Option<cache::ContentHash>>,
}

/// The files of a run once loading is over, and what `--timings` says of it.
pub(crate) struct LoadedFiles {
    pub(crate) files: Vec<SourceFile>,
    /// Files skipped as minified or generated, by their content.
    pub(crate) generated: Vec<PathBuf>,
    /// Files whose facts came from the cache.
    pub(crate) cached: usize,
    /// Of those, files that were not even read.
    pub(crate) unread: usize,
    /// The findings of the last run were reused instead of linking again.
    pub(crate) reused: bool,
}

impl<'s> Loader<'s> {
    /// A loader of `sources` for a run set up as `options` say: it opens the cache.
    pub(crate) fn new(sources: &'s Sources<'s>, options: &'s Options) -> Loader<'s> {
        let socket_wrappers = options.config.socket_wrappers();
        let cache = options
            .cache_dir
            .as_deref()
            .map(|dir| cache::Cache::open(dir, &socket_wrappers));
        let packages = package::Packages::of_files(
            sources
                .discovered
                .iter()
                .map(|source| source.path.as_path()),
            lang::is_socketio_package,
        );
        Loader {
            sources,
            overlay: &options.overlay,
            config: &options.config,
            packages,
            socket_wrappers,
            cache,
        }
    }

    /// Loads every file, and the findings of the last run when nothing linking reads
    /// has changed since (see [`Loader::reuse`]).
    pub(crate) fn load(&self) -> Project {
        let (mut files, mut loaded) = self.load_all();
        for (file, major) in files.iter_mut().zip(&self.packages.socketio_majors) {
            file.socketio_major = *major;
        }
        if std::env::var_os("WIRELINT_DEBUG_FACTS").is_some() {
            for file in &files {
                eprintln!("{}: {:#?}", file.path.display(), file.facts);
            }
        }
        let file_paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
        let resolver = resolve::Resolver::with_listing(&file_paths, Some(&self.sources.listing));
        // Findings are remembered only for what is on disk, and never for a run in which a
        // front-end crashed (that file is tried again next time).
        let remember = self.cache.is_some()
            && self.sources.stdin.is_none()
            && self.overlay.is_empty()
            && !files.iter().any(|f| f.facts.internal_error);
        let inputs = |files: &[SourceFile], loaded: &[Loaded]| {
            remember.then(|| link_inputs(self.config, &resolver, files, loaded))
        };
        let (reused, inputs) = self.reuse(&mut files, &mut loaded, inputs);
        // Nothing is loaded any more: what is left of each file's loading no longer
        // needs the cache's entries.
        let cached = loaded
            .iter()
            .filter(|l| matches!(l.from, FactsFrom::Cache { .. }))
            .count();
        let unread = loaded
            .iter()
            .filter(|l| matches!(l.from, FactsFrom::Cache { read: false, .. }))
            .count();
        let generated: Vec<PathBuf> = files
            .iter()
            .zip(&loaded)
            .filter(|(_, l)| matches!(l.input, Some(cache::SKIPPED | cache::SKIPPED_IN_OUTPUT_DIR)))
            .map(|(file, _)| file.path.clone())
            .collect();
        let input_hashes = loaded.iter().map(|l| l.input).collect();
        let stored = self.cache.is_some().then(|| {
            loaded
                .into_iter()
                .map(|loaded| loaded.from.stored())
                .collect()
        });
        Project {
            files,
            resolver,
            reused,
            inputs,
            stored,
            cached,
            unread,
            generated,
            input_hashes,
        }
    }

    /// Remembers what this run loaded and, when they may be reused, its findings
    /// (`memo` makes them of the hash of their inputs); returns the files.
    pub(crate) fn remember(
        self,
        project: Project,
        memo: impl FnOnce(u128) -> cache::Memo,
    ) -> LoadedFiles {
        let Project {
            files,
            reused,
            inputs,
            stored,
            cached,
            unread,
            generated,
            ..
        } = project;
        let was_reused = reused.is_some();
        if let Some((cache, stored)) = self.cache.zip(stored) {
            let paths = files.iter().map(|file| file.path.as_path());
            cache.save(
                paths.zip(stored).collect(),
                reused.or_else(|| inputs.map(memo)),
            );
        }
        LoadedFiles {
            files,
            generated,
            cached,
            unread,
            reused: was_reused,
        }
    }

    /// Loads every discovered file on the workers.
    fn load_all(&self) -> (Vec<SourceFile>, Vec<Loaded<'_>>) {
        let Sources {
            discovered, stdin, ..
        } = self.sources;
        // A fix of the stdin buffer (`--fix --stdin-filename`) is in the overlay: it wins
        // over the buffer it was made from.
        let given = |index: usize| {
            let source = &discovered[index];
            self.overlay
                .get(&source.path)
                .map(String::as_bytes)
                .or_else(|| stdin.and_then(|(at, text)| (at == index).then_some(text)))
        };
        // How much there is to do for each file, its text if given, and its cache entry.
        // A file the cache knows with its metadata is most likely unchanged, which costs
        // a `stat`: it goes last. Otherwise its size says how long it takes to parse.
        let plan = |index: usize| {
            let path = &discovered[index].path;
            let given = given(index);
            let entry = self.cache.as_ref().and_then(|cache| cache.entry(path));
            let size = match (given, entry.and_then(|entry| entry.stat.as_ref())) {
                (Some(text), _) => text.len() as u64,
                (None, Some(_)) => 0,
                (None, None) => std::fs::metadata(path).map_or(0, |metadata| metadata.len()),
            };
            (size, (given, entry))
        };
        workers::map_largest_first(discovered.len(), plan, |index, (given, entry)| {
            self.load_one(index, given, entry)
        })
        .into_iter()
        .unzip()
    }

    /// Loads the discovered file `index`, whose cache entry is `entry`.
    fn load_one<'l>(
        &'l self,
        index: usize,
        given: Option<&[u8]>,
        entry: Option<&'l cache::Entry>,
    ) -> (SourceFile, Loaded<'l>) {
        let source = &self.sources.discovered[index];
        // Facts that depend on a package's manifest as well as on the text are trusted
        // unread only while the manifest says the same (see `cache::input_hash`).
        let package = self
            .package(index)
            .map_or(0, package::SelfPackage::fingerprint);
        if given.is_none()
            && let Some(entry) = entry
            && entry.package == package
            // Generated in an output directory; named on the command line, it is read.
            && (source.output || entry.hash != cache::SKIPPED_IN_OUTPUT_DIR)
            && let Some(unread) = load_unread(&source.path, entry)
        {
            return unread;
        }
        self.load_read(index, given, entry)
    }

    fn package(&self, index: usize) -> Option<&package::SelfPackage> {
        (self.packages.self_packages.get(index)).and_then(Option::as_ref)
    }

    /// Loads the discovered file `index` from its text: `given`, or else read from
    /// disk. `entry`: what the cache has for it.
    fn load_read<'l>(
        &'l self,
        index: usize,
        given: Option<&[u8]>,
        entry: Option<&'l cache::Entry>,
    ) -> (SourceFile, Loaded<'l>) {
        let source = &self.sources.discovered[index];
        let package = self.package(index);
        // What a cache entry is stored under, extracted or skipped alike: the key
        // `load_one` compares with.
        let fingerprint = package.map_or(0, package::SelfPackage::fingerprint);
        let path = source.path.as_path();
        let read_at = std::time::SystemTime::now();
        let source_text = match given {
            Some(bytes) => decode(bytes.to_vec(), source.output).map(|text| (text, None)),
            None => read_source_and_metadata(source).map(|(text, metadata)| (text, Some(metadata))),
        };
        let (facts, text, loaded) = match source_text {
            Ok((Some(text), metadata)) => {
                // Without a cache, only a text that is not kept needs its hash (see
                // `Loaded::input`), and whether it is kept is known after extraction.
                let hash = self
                    .cache
                    .as_ref()
                    .map(|_| cache::input_hash(&text, package));
                // A text given in place of the file's says nothing of the file's
                // metadata: its entry gets none, and a cached entry keeps its own.
                let stat = metadata
                    .as_ref()
                    .and_then(|metadata| cache::Stat::remembered(metadata, read_at));
                let cached = entry
                    .filter(|entry| Some(entry.hash) == hash)
                    .and_then(|entry| {
                        let restat = metadata.is_some().then(|| entry.restat(stat)).flatten();
                        Some((entry.facts()?, restat))
                    });
                let (facts, from) = match cached {
                    Some((facts, restat)) => (facts, FactsFrom::Cache { read: true, restat }),
                    None => {
                        let facts =
                            extract(path, &text, source.kind, &self.socket_wrappers, package);
                        // A crash is not remembered: the next run tries again.
                        let stored = (self.cache.as_ref())
                            .filter(|_| !facts.internal_error)
                            .and_then(|_| cache::Cache::encode(&facts, hash?, stat, fingerprint))
                            .map(cache::Stored::Fresh);
                        (facts, FactsFrom::Extraction(stored))
                    }
                };
                let input = match hash {
                    Some(hash) => Some(hash),
                    None => (!facts.quotable()).then(|| cache::input_hash(&text, package)),
                };
                (facts, Some(text), Loaded::read(from, input, entry))
            }
            // Minified bundles and generated files of output directories: nobody edits
            // them, and they are large. The verdict is cached, so that an unchanged one
            // is not even read next time.
            Ok((None, metadata)) => {
                let verdict = match source.output {
                    true => cache::SKIPPED_IN_OUTPUT_DIR,
                    false => cache::SKIPPED,
                };
                let stat = metadata
                    .as_ref()
                    .and_then(|metadata| cache::Stat::remembered(metadata, read_at));
                // Under `fingerprint` too: a bundle inside a Socket.IO package
                // (`socket.io-client/dist/socket.io.js`) stored under none was read again,
                // and the cache written again, on every run.
                let stored = (self.cache.as_ref())
                    .and_then(|_| {
                        cache::Cache::encode(&FileFacts::default(), verdict, stat, fingerprint)
                    })
                    .map(cache::Stored::Fresh);
                let loaded = Loaded::read(FactsFrom::Extraction(stored), Some(verdict), entry);
                (FileFacts::default(), None, loaded)
            }
            Err(message) => {
                let input = Some(cache::content_hash(&message));
                let loaded = Loaded::read(FactsFrom::Nothing, input, entry);
                let facts = FileFacts {
                    parse_error: Some(ParseError {
                        span: Span::default(),
                        message,
                    }),
                    ..FileFacts::default()
                };
                (facts, None, loaded)
            }
        };
        let keep = facts.quotable();
        let file = SourceFile {
            path: path.to_path_buf(),
            facts,
            bytes: text.as_ref().map_or(0, |t| t.len() as u64),
            text: text.filter(|_| keep).map(Arc::from),
            lines: Default::default(),
            socketio_major: None,
        };
        (file, loaded)
    }

    /// The findings of the last run, when nothing linking reads has changed since
    /// (`inputs` hashes that), with the texts they quote read. Otherwise every file is
    /// made ready to link (facts decoded, quotable texts read), and the findings are
    /// `None`. Returns the hash of the inputs as they are then, to remember with this
    /// run's findings.
    fn reuse<'l>(
        &'l self,
        files: &mut [SourceFile],
        loaded: &mut [Loaded<'l>],
        inputs: impl Fn(&[SourceFile], &[Loaded]) -> Option<u128>,
    ) -> (Option<cache::Memo>, Option<u128>) {
        let mut hash = inputs(files, loaded);
        let mut reused = (self.cache.as_ref())
            .zip(hash)
            .and_then(|(cache, hash)| cache.memo(hash))
            .cloned();
        let mut unchanged = true;
        if let Some(memo) = &reused {
            let quoted = quoted_files(&memo.diagnostics, files.len());
            unchanged = self.complete(files, loaded, &quoted, false);
            if !unchanged {
                reused = None;
            }
        }
        if reused.is_none() {
            unchanged &= self.complete(files, loaded, &vec![true; files.len()], true);
        }
        if !unchanged {
            hash = inputs(files, loaded);
        }
        (reused, hash)
    }

    /// The text the file `index` was analysed from and the quotes of its code, for
    /// [`severity::adjust`]: the text kept after extraction, or (for `Texts::Unkept`)
    /// the file's text read (or given) again. `None` for a file that was not analysed.
    pub(crate) fn code<'f>(
        &self,
        files: &'f [SourceFile],
        index: usize,
        texts: severity::Texts,
    ) -> severity::Code<'f> {
        let (file, source) = files.get(index).zip(self.sources.discovered.get(index))?;
        if file.facts.internal_error {
            return None;
        }
        let quotes = lang::code_quotes(source.kind);
        match (&file.text, texts) {
            (Some(text), severity::Texts::Kept) => {
                return Some((std::borrow::Cow::Borrowed(text), quotes));
            }
            (None, severity::Texts::Unkept) => {}
            _ => return None,
        }
        let text = self.text_again(index)?;
        Some((std::borrow::Cow::Owned(text), quotes))
    }

    /// The text of file `index` read (or given) again, as loading read it; `None` when
    /// it can no longer be read, or is now skipped.
    fn text_again(&self, index: usize) -> Option<String> {
        let source = self.sources.discovered.get(index)?;
        let stdin = self.sources.stdin;
        let given = (self.overlay.get(&source.path))
            .map(String::as_bytes)
            .or_else(|| stdin.and_then(|(at, text)| (at == index).then_some(text)));
        let text = match given {
            Some(bytes) => decode(bytes.to_vec(), source.output),
            None => read_source(source),
        };
        text.ok().flatten()
    }

    /// What calls of the functions of file `index` do (see [`lang::call_effects`]),
    /// extracted again from the text its facts came from: `None` when that text is no
    /// longer there or the front-end fails on it.
    pub(crate) fn call_effects(
        &self,
        project: &Project,
        index: usize,
    ) -> Option<Vec<Option<crate::facts::CallEffects>>> {
        let (file, source) = (project.files.get(index)).zip(self.sources.discovered.get(index))?;
        let package = self.package(index);
        let text = match &file.text {
            Some(text) => std::borrow::Cow::Borrowed(&**text),
            None => std::borrow::Cow::Owned(self.text_again(index)?),
        };
        match project.input_hashes.get(index)? {
            Some(hash) if cache::input_hash(&text, package) != *hash => return None,
            Some(_) => {}
            // The text kept is the one the facts came from.
            None if file.text.is_none() => return None,
            None => {}
        }
        let effects = std::panic::catch_unwind(|| {
            lang::call_effects(&text, source.kind, &self.socket_wrappers, package)
        })
        .ok()?;
        (effects.len() == file.facts.functions.len()).then_some(effects)
    }

    /// Does what loading left undone: reads the texts of the files `quoted` picks and,
    /// if `decode`, decodes all facts. Returns false when a file no longer has the text
    /// its metadata vouched for (it changed in the meantime): that file is loaded again
    /// from what it has now.
    fn complete<'l>(
        &'l self,
        files: &mut [SourceFile],
        loaded: &mut [Loaded<'l>],
        quoted: &[bool],
        decode: bool,
    ) -> bool {
        let complete = |(index, (file, loaded)): (usize, (&mut SourceFile, &mut Loaded<'l>))| {
            if decode && loaded.undecoded {
                match loaded.entry.and_then(cache::Entry::facts) {
                    Some(facts) => {
                        file.facts = facts;
                        loaded.undecoded = false;
                    }
                    None => {
                        (*file, *loaded) = self.load_read(index, None, loaded.entry);
                        return false;
                    }
                }
            }
            if !loaded.unread_text || !quoted.get(index).copied().unwrap_or(false) {
                return true;
            }
            let read_at = std::time::SystemTime::now();
            if let Ok((Some(text), metadata)) =
                read_source_and_metadata(&self.sources.discovered[index])
                && Some(cache::input_hash(&text, self.package(index))) == loaded.input
            {
                file.text = Some(Arc::from(text));
                loaded.unread_text = false;
                let stat = cache::Stat::remembered(&metadata, read_at);
                if let FactsFrom::Cache { read, restat } = &mut loaded.from {
                    *read = true;
                    *restat = loaded.entry.and_then(|entry| entry.restat(stat));
                }
                return true;
            }
            (*file, *loaded) = self.load_read(index, None, loaded.entry);
            false
        };
        on_workers(|| {
            files
                .par_iter_mut()
                .zip(loaded.par_iter_mut())
                .enumerate()
                .map(complete)
                .reduce(|| true, |a, b| a && b)
        })
    }
}

/// How one file was loaded.
struct Loaded<'c> {
    from: FactsFrom,
    /// Stands for the file's input: the hash of its text, or of why it has none. `None`
    /// for a text kept in its file when there is no cache: nothing compares that text
    /// with another, and hashing every file cost as much as a tenth of the parsing.
    input: Option<cache::ContentHash>,
    /// The entry the facts are (or are to be) decoded from.
    entry: Option<&'c cache::Entry>,
    /// Left for [`Loader::complete`]: findings may quote the text, not read yet.
    unread_text: bool,
    /// Left for [`Loader::complete`]: the facts, needed only to link.
    undecoded: bool,
}

impl<'c> Loaded<'c> {
    /// A file loaded from its text: nothing is left to do.
    fn read(
        from: FactsFrom,
        input: Option<cache::ContentHash>,
        entry: Option<&'c cache::Entry>,
    ) -> Self {
        Loaded {
            from,
            input,
            entry,
            unread_text: false,
            undecoded: false,
        }
    }
}

/// Where a file's facts came from.
enum FactsFrom {
    /// `read`: false when the file's metadata vouched for its text; `restat`: metadata
    /// to remember instead of the entry's.
    Cache {
        read: bool,
        restat: Option<Option<cache::Stat>>,
    },
    /// Parsed now; what to cache when a cache is in use.
    Extraction(Option<cache::Stored>),
    /// The file could not be read or is not worth reading.
    Nothing,
}

impl FactsFrom {
    /// What the file leaves in the cache.
    fn stored(self) -> Option<cache::Stored> {
        match self {
            FactsFrom::Cache { restat: None, .. } => Some(cache::Stored::Same),
            FactsFrom::Cache {
                restat: Some(stat), ..
            } => Some(cache::Stored::Restat(stat)),
            FactsFrom::Extraction(stored) => stored,
            FactsFrom::Nothing => None,
        }
    }
}

/// A file whose metadata is what it was when its entry was made is not read: its facts
/// are the entry's, decoded only if the project is linked, and its text is read only if
/// a finding quotes it.
fn load_unread<'c>(path: &Path, entry: &'c cache::Entry) -> Option<(SourceFile, Loaded<'c>)> {
    let stat = entry.stat?;
    let now = std::fs::metadata(path).ok()?;
    if cache::Stat::of(&now) != Some(stat) {
        return None;
    }
    let file = SourceFile {
        path: path.to_path_buf(),
        facts: FileFacts::default(),
        bytes: stat.size(),
        text: None,
        lines: Default::default(),
        socketio_major: None,
    };
    let loaded = Loaded {
        from: FactsFrom::Cache {
            read: false,
            restat: None,
        },
        input: Some(entry.hash),
        entry: Some(entry),
        unread_text: entry.quotable,
        undecoded: true,
    };
    Some((file, loaded))
}

/// Extracts facts, turning a panic in a front-end into a diagnostic for that file.
fn extract(
    path: &Path,
    text: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&package::SelfPackage>,
) -> FileFacts {
    let result = std::panic::catch_unwind(|| {
        // Tests make the front-end fail on purpose to check that one file's crash
        // never stops the run; release builds ignore the variable.
        if cfg!(debug_assertions)
            && std::env::var_os("WIRELINT_TEST_PANIC_ON")
                .is_some_and(|name| path.file_name() == Some(name.as_os_str()))
        {
            panic!("requested by WIRELINT_TEST_PANIC_ON");
        }
        lang::extract_in(text, kind, socket_wrappers, package)
    });
    match result {
        Ok(mut facts) => {
            facts.suppressions = suppress::directives(text);
            facts
        }
        Err(_) => crashed(path),
    }
}

/// The facts of a file whose front-end panicked.
fn crashed(path: &Path) -> FileFacts {
    FileFacts {
        parse_error: Some(ParseError {
            span: Span::default(),
            message: format!(
                "internal error while analysing {}; the file was skipped and the rest checked (please report this)",
                discover::display_path(path)
            ),
        }),
        internal_error: true,
        ..FileFacts::default()
    }
}

/// Which files the findings point into (`wanted[file]`): the files whose text reporting
/// them quotes or edits.
fn quoted_files(diagnostics: &[Diagnostic], files: usize) -> Vec<bool> {
    let mut wanted = vec![false; files];
    for d in diagnostics {
        let edits = d
            .fix
            .iter()
            .flat_map(|fix| fix.edits.iter().map(|e| e.file));
        for file in std::iter::once(d.file)
            .chain(d.labels.iter().map(|l| l.file))
            .chain(edits)
        {
            if let Some(wanted) = wanted.get_mut(file) {
                *wanted = true;
            }
        }
    }
    wanted
}

/// A hash of everything linking and the rules read: the configuration, how modules
/// resolve, and each file as named with the text it has (its facts and any text a
/// finding quotes follow from that text). The build is in the cache's own key.
fn link_inputs(
    config: &Config,
    resolver: &resolve::Resolver,
    files: &[SourceFile],
    loaded: &[Loaded],
) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&config.fingerprint().to_le_bytes());
    hasher.update(&resolver.fingerprint().to_le_bytes());
    for (file, loaded) in files.iter().zip(loaded) {
        hasher.update(file.path.as_os_str().as_encoded_bytes());
        hasher.update(&[0]);
        // Every input is hashed when there is a cache, the only time this is asked.
        hasher.update(&loaded.input.unwrap_or_default().to_le_bytes());
        hasher.update(&file.socketio_major.unwrap_or(0).to_le_bytes());
    }
    hasher.digest128()
}
