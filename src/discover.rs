//! Finding the source files to lint, and naming paths: `absolute` to compare them,
//! `display_path` to show them (every layer above reports paths the same way).

use std::fmt;
use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileKind {
    Ts,
    Tsx,
    /// `.js .jsx .mjs .cjs`; parsed with JSX on because `.js` files routinely contain JSX.
    Js,
    /// `.d.ts .d.mts .d.cts`
    Dts,
    Vue,
    Svelte,
    /// `.html .htm`: the inline `<script>` blocks of a page, which runs in a browser.
    Html,
    Rust,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourcePath {
    pub path: PathBuf,
    pub kind: FileKind,
    /// In a build-output directory ([`OUTPUT_DIRS`]) that no ignore file hides: read
    /// only when its text does not look generated (see `looks_generated`).
    pub output: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiscoverError {
    /// A path given on the command line does not exist.
    Missing(PathBuf),
    Io {
        path: PathBuf,
        message: String,
    },
    /// A file named to be read from stdin has an extension wirelint does not read.
    NotSource(PathBuf),
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscoverError::Missing(p) => write!(f, "{}: no such file or directory", p.display()),
            DiscoverError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            DiscoverError::NotSource(p) => write!(
                f,
                "{}: not a file wirelint reads (.ts .tsx .mts .cts .js .jsx .mjs .cjs .vue .svelte .html .rs)",
                p.display()
            ),
        }
    }
}

impl std::error::Error for DiscoverError {}

/// Build output and dependency directories: linting them is slow and reports
/// bugs the user cannot fix. Listed explicitly because not all are hidden.
const SKIPPED_DIRS: &[&str] = &[
    "node_modules",
    ".git",
    ".next",
    ".nuxt",
    ".svelte-kit",
    "coverage",
    "target",
    "vendor",
    "bower_components",
];

/// Directories that usually hold build output, but sometimes hand-written code a server
/// serves as it is (a committed `dist/client.js`). Walked unless an ignore file hides
/// them; their files are read only when they do not look generated.
pub const OUTPUT_DIRS: &[&str] = &["dist", "build", "out"];

/// The longest line [`looks_generated`] takes for hand-written.
const LONGEST_HANDWRITTEN_LINE: usize = 1000;

/// What bundlers and minifiers write and people do not: a source map comment, a bundler
/// runtime (webpack, Parcel, Vite, SystemJS), a minifier's license banner.
const GENERATED_MARKERS: &[&str] = &[
    "sourceMappingURL=",
    "__webpack_require__",
    "webpackChunk",
    "parcelRequire",
    "__vitePreload",
    "System.register(",
    "/*! For license information",
];

/// Whether the text of a file in an output directory is a bundler's or compiler's:
/// a source map comment, a bundler runtime (webpack, Parcel, Vite, SystemJS), a
/// minifier's license banner, or a line no one writes by hand.
pub fn looks_generated(text: &str) -> bool {
    generated_bytes(text.as_bytes())
}

/// [`looks_generated`] of the start of a file, as its bytes read decoded lossily (each
/// invalid sequence a U+FFFD) — without decoding them unless they are not UTF-8 and
/// nothing marks them as generated as they are. The markers are ASCII, which decoding
/// keeps; a U+FFFD is never shorter than the bytes it replaces, so a long line stays one.
pub fn head_looks_generated(head: &[u8]) -> bool {
    if generated_bytes(head) {
        return true;
    }
    match std::str::from_utf8(head) {
        Ok(_) => false,
        // The head was cut inside a character: decoded, its last line ends with one
        // U+FFFD (three bytes) in place of the character's first bytes.
        Err(e) if e.error_len().is_none() => {
            let valid = &head[..e.valid_up_to()];
            let last_line = valid.len() - memchr::memrchr(b'\n', valid).map_or(0, |at| at + 1);
            last_line + 3 > LONGEST_HANDWRITTEN_LINE
        }
        Err(_) => looks_generated(&String::from_utf8_lossy(head)),
    }
}

/// [`looks_generated`] over bytes: lines split as `str::lines` splits them (at `\n`,
/// without a `\r` before it), markers found with `memmem`. A bundle's first line is
/// usually long, so lines are looked at first.
fn generated_bytes(bytes: &[u8]) -> bool {
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = &bytes[start..end];
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > LONGEST_HANDWRITTEN_LINE {
            return true;
        }
        start = end + 1;
    }
    // The last line, without a line break, keeps a final `\r`.
    bytes.len() - start > LONGEST_HANDWRITTEN_LINE
        || (GENERATED_MARKER_FINDERS.iter()).any(|marker| marker.find(bytes).is_some())
}

/// The searchers of [`GENERATED_MARKERS`], built once rather than for every file.
static GENERATED_MARKER_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        (GENERATED_MARKERS.iter())
            .map(|marker| memchr::memmem::Finder::new(marker.as_bytes()))
            .collect()
    });

/// Classifies a file by name; `None` for files we never lint.
pub fn classify(path: &Path) -> Option<FileKind> {
    classify_name(path.file_name()?)
}

/// [`classify`] of a file name, split at its last dot as `Path::extension` and
/// `Path::file_stem` split it (a name that starts with its only dot has no extension),
/// on bytes: walks list thousands of names.
fn classify_name(name: &std::ffi::OsStr) -> Option<FileKind> {
    let name = name.as_encoded_bytes();
    let dot = memchr::memrchr(b'.', name).filter(|&dot| dot > 0 && name != b"..")?;
    let ext = std::str::from_utf8(&name[dot + 1..]).ok()?;
    // Bytes, so that a non-UTF-8 stem does not hide an otherwise valid file.
    let stem = &name[..dot];
    let kind = match ext {
        "ts" | "mts" | "cts" if stem.ends_with(b".d") => FileKind::Dts,
        "ts" | "mts" | "cts" => FileKind::Ts,
        "tsx" => FileKind::Tsx,
        // Minified and bundled output is generated code, not wiring the user wrote.
        "js" | "mjs" if minified_stem(ext, stem) => return None,
        "js" | "jsx" | "mjs" | "cjs" => FileKind::Js,
        "vue" => FileKind::Vue,
        "svelte" => FileKind::Svelte,
        "html" | "htm" => FileKind::Html,
        "rs" => FileKind::Rust,
        _ => return None,
    };
    Some(kind)
}

/// Whether a script's name says it is minified or bundled (`app.min.js`,
/// `vendor.bundle.js`): such files are skipped by name, without reading them.
fn minified_stem(ext: &str, stem: &[u8]) -> bool {
    match ext {
        "js" | "mjs" => stem.ends_with(b".min") || (ext == "js" && stem.ends_with(b".bundle")),
        _ => false,
    }
}

/// [`minified_stem`] of a whole file name.
fn minified_name(name: &std::ffi::OsStr) -> bool {
    let name = name.as_encoded_bytes();
    memchr::memrchr(b'.', name)
        .filter(|&dot| dot > 0)
        .and_then(|dot| Some((std::str::from_utf8(&name[dot + 1..]).ok()?, &name[..dot])))
        .is_some_and(|(ext, stem)| minified_stem(ext, stem))
}

/// The names of the files that configure module resolution for their directory.
pub const RESOLUTION_CONFIGS: [&str; 2] = ["tsconfig.json", "jsconfig.json"];

/// The directories a walk listed and the [`RESOLUTION_CONFIGS`] it saw in them. Module
/// resolution looks for a config in every directory of every file: for the directories
/// listed here the walk already knows the answer, and only the others (those above the
/// paths given) are asked of the disk. A config that an ignore file hides is not seen.
#[derive(Debug, Default)]
pub struct Listing {
    /// Each root walked, as given and as an absolute, normalised path.
    roots: Vec<(PathBuf, PathBuf)>,
    /// Paths as the walk gave them (under a root as given), by their bytes: hashing
    /// bytes is much cheaper than hashing path components.
    dirs: rustc_hash::FxHashSet<Box<[u8]>>,
    configs: rustc_hash::FxHashSet<Box<[u8]>>,
    /// Files skipped for their name alone (`*.min.js`, `*.bundle.js`), sorted: `--timings`
    /// names them with the files skipped for their content.
    pub minified: Vec<PathBuf>,
}

impl Listing {
    /// Whether the file `name` is in `dir` (absolute, normalised), or `None` when the
    /// walk did not list `dir`.
    pub fn has(&self, dir: &Path, name: &str) -> Option<bool> {
        let normal_dir = is_normal(dir);
        self.roots.iter().find_map(|(given, absolute)| {
            let relative = match normal_dir && is_normal(absolute) {
                // Two normal paths: one is below the other when its bytes continue the
                // other's at a `/` (comparing components costs much more).
                true => {
                    let rest = (dir.as_os_str().as_encoded_bytes())
                        .strip_prefix(absolute.as_os_str().as_encoded_bytes())?;
                    let rest = match rest {
                        [] => rest,
                        [b'/', rest @ ..] => rest,
                        _ => return None,
                    };
                    path_of_bytes(rest)
                }
                false => dir.strip_prefix(absolute).ok()?,
            };
            // `join("")` would add a separator.
            let dir = match relative.as_os_str().is_empty() {
                true => given.clone(),
                false => given.join(relative),
            };
            self.dirs
                .contains(dir.as_os_str().as_encoded_bytes())
                .then(|| {
                    let config = dir.join(name);
                    self.configs.contains(config.as_os_str().as_encoded_bytes())
                })
        })
    }
}

/// Walks `paths` and returns every lintable file, sorted and deduplicated.
///
/// With `respect_ignores == false` ignore files, hidden-ness and the built-in
/// directory list are all disabled (only `.git` is still skipped), so that
/// e.g. pnpm's `node_modules/.pnpm` store is reachable for stress tests.
pub fn discover(
    paths: &[PathBuf],
    respect_ignores: bool,
) -> Result<Vec<SourcePath>, DiscoverError> {
    discover_listing(paths, respect_ignores).map(|(sources, _)| sources)
}

/// [`discover`], and what the walk saw of module resolution configs.
pub fn discover_listing(
    paths: &[PathBuf],
    respect_ignores: bool,
) -> Result<(Vec<SourcePath>, Listing), DiscoverError> {
    let mut out = Vec::new();
    let mut listing = Listing::default();
    for root in paths {
        let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DiscoverError::Missing(root.clone()),
            _ => io_error(root, &e.to_string()),
        })?;
        if !meta.is_dir() {
            // An explicitly named file wins over ignore rules, as in ripgrep/ruff.
            if let Some(kind) = classify(root) {
                out.push(SourcePath {
                    path: clean(root),
                    kind,
                    output: false,
                });
            } else if root.file_name().is_some_and(minified_name) {
                listing.minified.push(clean(root));
            }
            continue;
        }
        walk(root, respect_ignores, &mut out, &mut listing)?;
    }
    let out = sorted_without_repeats(out);
    remove_for_test(&out);
    listing.minified.sort();
    listing.minified.dedup();
    Ok((out, listing))
}

/// [`sorted_without_repeats`] when every path is plain (each component a name but for
/// a leading `/`, one `/` between them, none at the end): then comparing components
/// is comparing bytes with `/` below every other byte. `None` otherwise.
fn sorted_by_bytes(sources: &[SourcePath]) -> Option<Vec<SourcePath>> {
    let plain = |bytes: &[u8]| {
        cfg!(unix)
            && !bytes.is_empty()
            && !bytes.starts_with(b".")
            && !bytes.ends_with(b"/")
            // No `/.` and no `//`: one `memchr` pass (a `memmem` search would build a
            // searcher per path).
            && memchr::memchr_iter(b'/', bytes)
                .all(|at| !matches!(bytes.get(at + 1), Some(b'.' | b'/')))
    };
    let mut keyed: Vec<(Vec<u8>, &SourcePath)> = Vec::with_capacity(sources.len());
    for source in sources {
        let bytes = source.path.as_os_str().as_encoded_bytes();
        if !plain(bytes) {
            return None;
        }
        // A path of Unix cannot hold a NUL byte: it is below every byte of a name.
        let key = bytes
            .iter()
            .map(|&b| if b == b'/' { 0 } else { b })
            .collect();
        keyed.push((key, source));
    }
    keyed.sort_by(|(a, a_source), (b, b_source)| {
        (a, a_source.kind, a_source.output).cmp(&(b, b_source.kind, b_source.output))
    });
    keyed.dedup_by(|(a, a_source), (b, b_source)| {
        (a, a_source.kind, a_source.output) == (b, b_source.kind, b_source.output)
    });
    Some(
        keyed
            .into_iter()
            .map(|(_, source)| source.clone())
            .collect(),
    )
}

/// `sources` sorted and deduplicated as `sort` and `dedup` would, each path taken apart
/// once instead of at each comparison (paths compare by their components).
fn sorted_without_repeats(sources: Vec<SourcePath>) -> Vec<SourcePath> {
    if let Some(sorted) = sorted_by_bytes(&sources) {
        return sorted;
    }
    let keys: Vec<(Vec<std::path::Component>, FileKind, bool)> = (sources.iter())
        .map(|source| {
            (
                source.path.components().collect(),
                source.kind,
                source.output,
            )
        })
        .collect();
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order.dedup_by(|later, earlier| keys[*later] == keys[*earlier]);
    let mut sources: Vec<Option<SourcePath>> = sources.into_iter().map(Some).collect();
    (order.into_iter())
        .filter_map(|index| sources[index].take())
        .collect()
}

/// Tests delete a discovered file before it is read, to check that a file vanishing
/// mid-run (a branch switch, a build cleaning up) is reported and the rest checked;
/// release builds ignore the variable.
fn remove_for_test(files: &[SourcePath]) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(name) = std::env::var_os("WIRELINT_TEST_REMOVE_AFTER_DISCOVERY") else {
        return;
    };
    for file in files {
        if file.path.file_name() == Some(name.as_os_str()) {
            let _ = std::fs::remove_file(&file.path);
        }
    }
}

fn walk(
    root: &Path,
    respect_ignores: bool,
    out: &mut Vec<SourcePath>,
    listing: &mut Listing,
) -> Result<(), DiscoverError> {
    let mut builder = WalkBuilder::new(root);
    builder
        // Never following directory links rules out cycles and escapes from the root.
        .follow_links(false)
        .require_git(false)
        .hidden(respect_ignores)
        .ignore(respect_ignores)
        .git_ignore(respect_ignores)
        .git_exclude(respect_ignores)
        .parents(respect_ignores)
        // The user's global excludes file would make output differ between machines.
        .git_global(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let name = entry.file_name();
            if !is_dir {
                return true;
            }
            if respect_ignores {
                !SKIPPED_DIRS.iter().any(|d| name == *d)
            } else {
                name != ".git"
            }
        });
    // Most projects are walked faster on one thread: the parallel walker's threads
    // sleep a millisecond at a time once they run out of work. A tree with more
    // entries than this is walked again on every core: a monorepo has thousands of
    // directories, and each costs a `readdir` and a look for ignore files.
    const SERIAL_ENTRIES: usize = 4096;
    let mut serial = Vec::new();
    let mut entries = builder.build();
    for entry in entries.by_ref().take(SERIAL_ENTRIES) {
        serial.extend(visit(root, entry)?);
    }
    let found = if entries.next().is_none() {
        serial
    } else {
        let found = std::sync::Mutex::new(Vec::new());
        let errors = std::sync::Mutex::new(Vec::new());
        builder.build_parallel().run(|| {
            Box::new(|entry| {
                match visit(root, entry) {
                    Ok(Some(seen)) => lock(&found).push(seen),
                    Ok(None) => {}
                    Err(error) => lock(&errors).push(error),
                }
                ignore::WalkState::Continue
            })
        });
        // Whichever thread met an error first, the same one is reported.
        let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
        errors.sort_by_key(ToString::to_string);
        if let Some(error) = errors.into_iter().next() {
            return Err(error);
        }
        found.into_inner().unwrap_or_else(|e| e.into_inner())
    };
    listing.roots.push((root.to_path_buf(), absolute(root)));
    let bytes = |path: PathBuf| {
        path.into_os_string()
            .into_encoded_bytes()
            .into_boxed_slice()
    };
    for seen in found {
        match seen {
            Seen::Source(source) => out.push(source),
            Seen::Dir(dir) => {
                listing.dirs.insert(bytes(dir));
            }
            Seen::Config(config) => {
                listing.configs.insert(bytes(config));
            }
            Seen::Minified(path) => listing.minified.push(path),
        }
    }
    Ok(())
}

/// What one entry of a walk is to the rest of the run.
enum Seen {
    Source(SourcePath),
    Dir(PathBuf),
    Config(PathBuf),
    /// A script skipped for its name: see [`minified_stem`].
    Minified(PathBuf),
}

/// A poisoned lock only means another walker thread panicked; what it holds is whole.
fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// One entry of the walk: the source file, listed directory or config it is, if any.
fn visit(
    root: &Path,
    entry: Result<ignore::DirEntry, ignore::Error>,
) -> Result<Option<Seen>, DiscoverError> {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            return match err.io_error() {
                Some(io) => Err(io_error(error_path(&err).unwrap_or(root), &io.to_string())),
                // A malformed ignore file should not stop the lint; it only loses that rule.
                None => Ok(None),
            };
        }
    };
    let Some(file_type) = entry.file_type() else {
        return Ok(None);
    };
    if file_type.is_dir() {
        return Ok(Some(Seen::Dir(entry.into_path())));
    }
    let name = walked_name(&entry);
    if file_type.is_file() && RESOLUTION_CONFIGS.iter().any(|config| name == *config) {
        return Ok(Some(Seen::Config(entry.into_path())));
    }
    let is_file = file_type.is_file()
        // A symlinked file is fine to read: it cannot cause a walk loop.
        || (file_type.is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()));
    // A FIFO, socket or device with a source name is kept so that the run says it
    // was skipped (reading never opens one: see `read_source`); a dangling
    // symlink is not, as package managers leave those in every tree.
    let is_special = !file_type.is_dir() && !file_type.is_symlink() && !is_file;
    if !is_file && !is_special {
        return Ok(None);
    }
    let Some(kind) = classify_name(name) else {
        return Ok(minified_name(name).then(|| Seen::Minified(clean(entry.path()))));
    };
    // Only directories below the root count: a project checked out under `~/build/`
    // is not build output, and a `dist` named on the command line is read as asked.
    // The walk joins one name per level to the root: the directories below it are the
    // last `depth - 1` components before the file's name.
    let output = under_output_dir(&entry);
    Ok(Some(Seen::Source(SourcePath {
        path: clean(entry.path()),
        kind,
        output,
    })))
}

/// The path whose bytes are `bytes`, cut from a path's own at a `/` (only Unix paths,
/// see [`is_normal`], are cut so).
#[cfg(unix)]
fn path_of_bytes(bytes: &[u8]) -> &Path {
    use std::os::unix::ffi::OsStrExt;
    Path::new(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_of_bytes(bytes: &[u8]) -> &Path {
    Path::new(std::str::from_utf8(bytes).unwrap_or_default())
}

/// The name of a walked entry. Below the root the walk joined each name to its
/// directory with one `/`, so on Unix it is the bytes after the last one: cheaper than
/// `DirEntry::file_name`, which takes the whole path apart.
fn walked_name(entry: &ignore::DirEntry) -> &std::ffi::OsStr {
    #[cfg(unix)]
    if entry.depth() > 0 {
        use std::os::unix::ffi::OsStrExt;
        let bytes = entry.path().as_os_str().as_bytes();
        if let Some(at) = memchr::memrchr(b'/', bytes) {
            return std::ffi::OsStr::from_bytes(&bytes[at + 1..]);
        }
    }
    entry.file_name()
}

/// Whether the walk went through an output directory ([`OUTPUT_DIRS`]) from the root
/// to a file: only directories below the root count, the last `depth - 1` components
/// before its name, on Unix the parts between its last `/`s ([`walked_name`] says why).
fn under_output_dir(entry: &ignore::DirEntry) -> bool {
    let below_root = entry.depth().saturating_sub(1);
    let is_output = |dir: &[u8]| OUTPUT_DIRS.iter().any(|name| dir == name.as_bytes());
    #[cfg(unix)]
    {
        (entry.path().as_os_str().as_encoded_bytes())
            .rsplit(|&b| b == b'/')
            .skip(1)
            .take(below_root)
            .any(is_output)
    }
    #[cfg(not(unix))]
    (entry.path().components().rev())
        .skip(1)
        .take(below_root)
        .any(|dir| is_output(dir.as_os_str().as_encoded_bytes()))
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn io_error(path: &Path, message: &str) -> DiscoverError {
    DiscoverError::Io {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

/// Strips a leading `./` so that `.` and `src` yield identical, dedupable paths.
pub fn clean(path: &Path) -> PathBuf {
    // Only a path that starts with a dot can start with a `.` component.
    if !path.as_os_str().as_encoded_bytes().starts_with(b".") {
        return path.to_path_buf();
    }
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}

/// Whether a path has no `.` or `..` parts and no empty ones (`a//b`, `a/`), so that
/// taking it apart and putting it together again gives the same bytes. Most paths
/// are, and looking at their bytes is much cheaper than taking them apart.
pub fn is_normal(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    let plain = |part: &[u8]| !matches!(part, b"" | b"." | b"..");
    // One pass over the bytes, looking at each part when its `/` comes (an absolute
    // path's first part, before its `/`, is empty and not one).
    let mut start = usize::from(bytes.starts_with(b"/"));
    for (at, &byte) in bytes.iter().enumerate().skip(start) {
        if byte == b'/' {
            if !plain(&bytes[start..at]) {
                return false;
            }
            start = at + 1;
        }
    }
    cfg!(unix) && plain(&bytes[start..])
}

/// The absolute form of a path without `.` and `..` components, for comparing paths
/// given in different ways (`web/a.ts`, `./web/a.ts`, `/repo/web/a.ts`). Lexical only:
/// the file need not exist, and symlinks are not resolved.
pub fn absolute(path: &Path) -> PathBuf {
    // Already absolute and normal, a path is its own answer: most are (discovery makes
    // them from an absolute root), and taking them apart costs more than the rest.
    if path.is_absolute() && is_normal(path) {
        return path.to_path_buf();
    }
    absolute_by_components(path)
}

/// [`absolute`] of any path.
fn absolute_by_components(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `/`-separated on every platform, as the JSON spec asks. A path that climbs out of the
/// current directory and back into it (`../web/chat.ts` from `web/`, as a run from a
/// subfolder analyses its project from the root) is shown from the current directory
/// (`chat.ts`), as ruff shows it.
pub fn display_path(path: &Path) -> String {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let shortened = match path.components().next() {
        Some(std::path::Component::ParentDir) => CWD
            .get_or_init(|| std::env::current_dir().ok())
            .as_deref()
            .and_then(|cwd| back_into(cwd, path)),
        _ => None,
    };
    let path = shortened.as_deref().unwrap_or(path);
    let text = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        text.replace('\\', "/")
    } else {
        text.into_owned()
    }
}

/// `path`, relative to `cwd` and starting with `..`, without the steps that leave `cwd`
/// only to come back into it: `../../a/b/x.ts` from `/r/a/b` is `x.ts`, `../z/x.ts` from
/// `/r/a` stays. `None` when there is nothing to cancel.
fn back_into(cwd: &Path, path: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let ups = path
        .components()
        .take_while(|c| matches!(c, Component::ParentDir))
        .count();
    let rest: Vec<Component> = path.components().skip(ups).collect();
    if rest.iter().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let cwd: Vec<Component> = cwd.components().collect();
    let left = cwd.get(cwd.len().checked_sub(ups)?..)?;
    if !left.iter().all(|c| matches!(c, Component::Normal(_))) {
        return None;
    }
    // Only whole climbs back down cancel, and the file itself stays.
    let back = left
        .iter()
        .zip(&rest[..rest.len().saturating_sub(1)])
        .take_while(|(up, down)| up == down)
        .count();
    if back == 0 {
        return None;
    }
    let mut shortened = PathBuf::new();
    for _ in back..ups {
        shortened.push("..");
    }
    for component in &rest[back..] {
        shortened.push(component);
    }
    Some(shortened)
}

/// Every path of up to four of `parts`, each part after a `/` (so the relative form is
/// the path with its first `/` trimmed): the inputs on which code that reads paths as
/// bytes is checked against the component-wise code it replaced.
#[cfg(test)]
pub(crate) fn paths_of_parts(parts: &[&str]) -> Vec<String> {
    let mut paths = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = (paths.iter())
            .flat_map(|path| parts.iter().map(move |part| format!("{path}/{part}")))
            .collect();
        paths.extend(longer);
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_normal_absolute_path_is_its_own_absolute_form() {
        let parts = ["", ".", "..", "a", ".b", "c.ts"];
        let paths = paths_of_parts(&parts);
        for path in &paths {
            for path in [path.clone(), format!("{path}/"), format!("/{path}")] {
                let path = Path::new(&path);
                assert_eq!(absolute(path), absolute_by_components(path), "{path:?}");
            }
        }
    }
    use std::fs;

    fn touch(root: &Path, rel: &str) {
        let p = root.join(rel);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(p, "").unwrap();
    }

    #[test]
    fn the_listing_knows_the_configs_of_the_directories_walked() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "tsconfig.json");
        touch(root, "web/src/a.ts");
        touch(root, "server/jsconfig.json");
        touch(root, "node_modules/pkg/tsconfig.json");
        let (sources, listing) = discover_listing(&[root.to_path_buf()], true).unwrap();
        assert_eq!(rels(root, &sources), ["web/src/a.ts"]);
        let root = absolute(root);
        assert_eq!(listing.has(&root, "tsconfig.json"), Some(true));
        assert_eq!(listing.has(&root, "jsconfig.json"), Some(false));
        assert_eq!(
            listing.has(&root.join("web/src"), "tsconfig.json"),
            Some(false)
        );
        assert_eq!(
            listing.has(&root.join("server"), "jsconfig.json"),
            Some(true)
        );
        // Not walked: the disk is asked.
        assert_eq!(
            listing.has(&root.join("node_modules/pkg"), "tsconfig.json"),
            None
        );
        assert_eq!(listing.has(root.parent().unwrap(), "tsconfig.json"), None);
        // A sibling whose name starts with the root's is not below it.
        let mut sibling = root.clone().into_os_string();
        sibling.push("x");
        assert_eq!(listing.has(Path::new(&sibling), "tsconfig.json"), None);
    }

    fn rels(root: &Path, files: &[SourcePath]) -> Vec<String> {
        files
            .iter()
            .map(|f| {
                f.path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect()
    }

    #[test]
    fn minified_names_are_told_apart() {
        let minified = |name: &str| minified_name(std::ffi::OsStr::new(name));
        assert!(minified("jquery.min.js"));
        assert!(minified("esm.min.mjs"));
        assert!(minified("app.bundle.js"));
        assert!(!minified("app.bundle.mjs"));
        assert!(!minified("app.min.ts"));
        assert!(!minified("min.js"));
        assert!(minified(".min.js"), "skipped by `classify` too");
        assert!(!minified("app.js"));
    }

    #[test]
    fn classifies_extensions() {
        let k = |s: &str| classify(Path::new(s));
        assert_eq!(k("a.ts"), Some(FileKind::Ts));
        assert_eq!(k("a.mts"), Some(FileKind::Ts));
        assert_eq!(k("a.cts"), Some(FileKind::Ts));
        assert_eq!(k("a.tsx"), Some(FileKind::Tsx));
        assert_eq!(k("a.d.ts"), Some(FileKind::Dts));
        assert_eq!(k("a.d.mts"), Some(FileKind::Dts));
        assert_eq!(k("a.d.cts"), Some(FileKind::Dts));
        for js in ["a.js", "a.jsx", "a.mjs", "a.cjs"] {
            assert_eq!(k(js), Some(FileKind::Js), "{js}");
        }
        assert_eq!(k("a.vue"), Some(FileKind::Vue));
        assert_eq!(k("a.svelte"), Some(FileKind::Svelte));
        assert_eq!(k("a.rs"), Some(FileKind::Rust));
        for skipped in [
            "a.min.js",
            "a.min.mjs",
            "a.bundle.js",
            "a.json",
            "a.css",
            "Makefile",
            ".ts",
        ] {
            assert_eq!(k(skipped), None, "{skipped}");
        }
    }

    #[test]
    fn walks_respecting_ignores_and_skip_list() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "src/b.ts",
            "src/a.tsx",
            "src/ignored.ts",
            "src/excluded.ts",
            "src/dotignored.ts",
            "src/x.min.js",
            "src/readme.md",
            "node_modules/pkg/index.js",
            "dist/out.js",
            "build/out.js",
            "out/out.js",
            "coverage/c.js",
            "target/t.rs",
            "vendor/v.js",
            "bower_components/b.js",
            ".next/n.js",
            ".nuxt/n.js",
            ".svelte-kit/s.js",
            ".git/hooks/h.js",
            ".hidden/h.ts",
            "lib/main.rs",
            "web/App.vue",
            "web/Comp.svelte",
        ] {
            touch(root, f);
        }
        fs::write(root.join(".gitignore"), "ignored.ts\n").unwrap();
        fs::write(root.join(".ignore"), "dotignored.ts\n").unwrap();
        fs::create_dir_all(root.join(".git/info")).unwrap();
        fs::write(root.join(".git/info/exclude"), "excluded.ts\n").unwrap();

        let got = discover(&[root.to_path_buf()], true).unwrap();
        assert_eq!(
            rels(root, &got),
            [
                "build/out.js",
                "dist/out.js",
                "lib/main.rs",
                "out/out.js",
                "src/a.tsx",
                "src/b.ts",
                "web/App.vue",
                "web/Comp.svelte"
            ]
        );
        let output: Vec<bool> = got.iter().map(|source| source.output).collect();
        assert_eq!(
            output,
            [true, true, false, true, false, false, false, false]
        );

        let all = discover(&[root.to_path_buf()], false).unwrap();
        let all = rels(root, &all);
        assert!(all.contains(&"node_modules/pkg/index.js".to_string()));
        assert!(all.contains(&"src/ignored.ts".to_string()));
        assert!(all.contains(&".next/n.js".to_string()));
        assert!(!all.iter().any(|p| p.starts_with(".git/")));
        assert!(!all.iter().any(|p| p.ends_with(".min.js")));
    }

    #[test]
    fn explicit_file_overrides_ignores() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "dist/gen.ts");
        touch(root, "notes.txt");
        fs::write(root.join(".gitignore"), "dist\n").unwrap();
        let file = root.join("dist/gen.ts");
        let got = discover(&[file.clone(), root.join("notes.txt")], true).unwrap();
        assert_eq!(
            got,
            [SourcePath {
                path: file,
                kind: FileKind::Ts,
                output: false,
            }]
        );
    }

    #[test]
    fn output_dirs_are_skipped_when_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "web/dist/client.js");
        touch(root, "server/build/bundle.js");
        touch(root, "server/public/build/app.js");
        fs::write(root.join(".gitignore"), "server/build/\n").unwrap();
        let got = discover(&[root.to_path_buf()], true).unwrap();
        assert_eq!(
            rels(root, &got),
            ["server/public/build/app.js", "web/dist/client.js"]
        );
        assert!(got.iter().all(|source| source.output));
    }

    #[test]
    fn generated_text() {
        assert!(looks_generated(
            "(()=>{var e={};\n//# sourceMappingURL=main.js.map\n"
        ));
        assert!(looks_generated(
            "function f(){return __webpack_require__(1)}"
        ));
        assert!(looks_generated(&format!("var a={};\n", "1,".repeat(600))));
        assert!(!looks_generated(
            "const socket = io();\nsocket.on(\"chat message\", (msg) => {\n  show(msg);\n});\n"
        ));
    }

    /// What the head of a file looked like before `head_looks_generated`: decoded
    /// lossily, then [`looks_generated`] with `str::lines`.
    fn lossy_verdict(head: &[u8]) -> bool {
        let text = String::from_utf8_lossy(head);
        GENERATED_MARKERS.iter().any(|marker| text.contains(marker))
            || text
                .lines()
                .any(|line| line.len() > LONGEST_HANDWRITTEN_LINE)
    }

    #[test]
    fn heads_are_judged_as_their_lossy_text() {
        let line = |len: usize| "x".repeat(len);
        let euro = "€".as_bytes();
        let mut heads: Vec<Vec<u8>> = Vec::new();
        for len in [998, 999, 1000, 1001] {
            for ending in ["", "\n", "\r\n", "\r", "\n\r"] {
                heads.push(format!("a\n{}{ending}", line(len)).into_bytes());
                heads.push(format!("{}{ending}b", line(len)).into_bytes());
            }
            // Cut inside a character: it reads as one U+FFFD.
            for cut in 1..euro.len() {
                heads.push([line(len).as_bytes(), &euro[..cut]].concat());
                heads.push([b"a\n", line(len).as_bytes(), &euro[..cut]].concat());
            }
            // Invalid bytes in the middle, each a U+FFFD of three bytes.
            heads.push([line(len).as_bytes(), &[0xff, 0xfe], b"\nok"].concat());
            heads.push([line(len - 500).as_bytes(), &[0xff; 300]].concat());
        }
        heads.push(b"ok\n//# sourceMappingURL=a.js.map\xff".to_vec());
        heads.push(b"webpack\xffChunk".to_vec());
        heads.push(Vec::new());
        for head in &heads {
            assert_eq!(
                head_looks_generated(head),
                lossy_verdict(head),
                "{:?}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn names_are_classified_as_by_their_path() {
        // `classify` as it was, with `Path::extension` and `Path::file_stem`.
        let by_path = |path: &Path| {
            let ext = path.extension()?.to_str()?;
            let stem = path.file_stem()?.to_string_lossy();
            Some(match ext {
                "ts" | "mts" | "cts" if stem.ends_with(".d") => FileKind::Dts,
                "ts" | "mts" | "cts" => FileKind::Ts,
                "tsx" => FileKind::Tsx,
                "js" | "mjs" if stem.ends_with(".min") => return None,
                "js" if stem.ends_with(".bundle") => return None,
                "js" | "jsx" | "mjs" | "cjs" => FileKind::Js,
                "vue" => FileKind::Vue,
                "svelte" => FileKind::Svelte,
                "html" | "htm" => FileKind::Html,
                "rs" => FileKind::Rust,
                _ => return None,
            })
        };
        for name in [
            "a.ts",
            "a.d.ts",
            ".ts",
            ".a.ts",
            "a.",
            "a",
            "a.min.js",
            "x.bundle.js",
            "a.b.mts",
            "é.vue",
            ".d.ts",
            "d.ts",
            "a.d.cts",
            "index.html",
            "lib.rs",
            "a.TS",
            "a.min.mjs",
        ] {
            let path = Path::new("/repo/src").join(name);
            assert_eq!(classify(&path), by_path(&path), "{name}");
        }
    }

    #[test]
    fn plain_paths_sort_by_bytes_as_by_components() {
        let paths = [
            "/r/a-b/x.ts",
            "/r/a/x.ts",
            "/r/a/b/x.ts",
            "/r/a.b/x.ts",
            "/r/a/x.ts",
            "/r/ab.ts",
            "/r/a b/x.ts",
            "/r/A/x.ts",
            "r/x.ts",
            "/r/a/x.tsx",
            "/r/é/x.ts",
            "/r/e/x.ts",
        ];
        let sources: Vec<SourcePath> = (paths.iter().enumerate())
            .map(|(i, path)| SourcePath {
                path: PathBuf::from(path),
                kind: if i % 3 == 0 {
                    FileKind::Ts
                } else {
                    FileKind::Js
                },
                output: i % 2 == 0,
            })
            .collect();
        let mut expected = sources.clone();
        expected.sort();
        expected.dedup();
        if cfg!(unix) {
            assert_eq!(sorted_by_bytes(&sources), Some(expected.clone()));
        }
        assert_eq!(sorted_without_repeats(sources), expected);
        let dotted = [PathBuf::from("./a.ts"), PathBuf::from("a/.b/c.ts")];
        for path in dotted {
            let source = SourcePath {
                path,
                kind: FileKind::Ts,
                output: false,
            };
            assert_eq!(sorted_by_bytes(&[source]), None);
        }
    }

    #[test]
    fn explicit_skipped_dir_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        touch(dir.path(), "build/a.js");
        let got = discover(&[dir.path().join("build")], true).unwrap();
        assert_eq!(got.len(), 1);
        assert!(!got[0].output);
    }

    #[test]
    fn missing_path_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope");
        assert_eq!(
            discover(std::slice::from_ref(&missing), true),
            Err(DiscoverError::Missing(missing))
        );
    }

    #[test]
    fn overlapping_inputs_are_deduplicated_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "src/z.ts");
        touch(root, "src/a.ts");
        let got = discover(
            &[root.join("src"), root.to_path_buf(), root.join("src/z.ts")],
            true,
        )
        .unwrap();
        assert_eq!(rels(root, &got), ["src/a.ts", "src/z.ts"]);
    }

    #[test]
    fn leading_dot_slash_is_stripped() {
        assert_eq!(clean(Path::new("./src/a.ts")), PathBuf::from("src/a.ts"));
        assert_eq!(clean(Path::new("src/a.ts")), PathBuf::from("src/a.ts"));
        assert_eq!(clean(Path::new("../a.ts")), PathBuf::from("../a.ts"));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_do_not_escape_or_loop() {
        let outside = tempfile::tempdir().unwrap();
        touch(outside.path(), "secret.ts");
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        touch(root, "src/real.ts");
        std::os::unix::fs::symlink(outside.path(), root.join("escape")).unwrap();
        std::os::unix::fs::symlink(root, root.join("src/loop")).unwrap();
        std::os::unix::fs::symlink(root.join("src/real.ts"), root.join("src/alias.ts")).unwrap();
        let got = discover(&[root.to_path_buf()], true).unwrap();
        assert_eq!(rels(root, &got), ["src/alias.ts", "src/real.ts"]);
    }
}

#[cfg(test)]
mod path_tests {
    use super::back_into;
    use std::path::{Path, PathBuf};

    #[test]
    fn climbs_back_into_the_current_directory_are_cancelled() {
        let from = |cwd: &str, path: &str| back_into(Path::new(cwd), Path::new(path));
        assert_eq!(from("/p/web", "../web/b.ts"), Some(PathBuf::from("b.ts")));
        assert_eq!(
            from("/p/web/src", "../../web/src/x/b.ts"),
            Some(PathBuf::from("x/b.ts"))
        );
        assert_eq!(
            from("/r/a/b", "../../a/z/x.ts"),
            Some(PathBuf::from("../z/x.ts"))
        );
        assert_eq!(from("/p/web", "../server/a.ts"), None);
        assert_eq!(from("/p/web", "../web"), None, "the last one is the file");
        assert_eq!(from("/", "../a.ts"), None);
        assert_eq!(from("/p/web", "../web/../x.ts"), None);
    }
}
