//! Module specifier resolution against the discovered file set.
//!
//! Files are matched lexically against the discovered set rather than probed
//! on disk: it is faster, and a file we did not discover cannot be linted anyway.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use rustc_hash::FxHashMap;

use serde_json::Value;

use crate::discover::{Listing, RESOLUTION_CONFIGS};

/// Probe order for extensionless specifiers, as the TypeScript resolver does.
const EXTENSIONS: &[&str] = &[
    ".ts", ".tsx", ".mts", ".cts", ".d.ts", ".js", ".jsx", ".mjs", ".cjs", ".vue", ".svelte",
];

/// TypeScript ESM convention: `./x.js` written in source names `./x.ts` on disk.
const ESM_SWAPS: &[(&str, &[&str])] = &[
    (".js", &[".ts", ".tsx", ".d.ts"]),
    (".mjs", &[".mts", ".d.mts"]),
    (".cjs", &[".cts", ".d.cts"]),
    (".jsx", &[".tsx"]),
];

#[derive(Debug)]
pub struct Resolver {
    /// Absolute, lexically normalised path of each file id.
    paths: Vec<PathBuf>,
    /// File id by the bytes of its path: paths are normalised, so equal bytes are equal
    /// paths, and hashing bytes is much cheaper than hashing `Path` components.
    ids: FxHashMap<Box<[u8]>, usize>,
    /// Index into `configs` of the nearest usable tsconfig/jsconfig of each file id.
    file_config: Vec<Option<usize>>,
    configs: Vec<Config>,
    /// Index of each file id's directory, for `resolved`.
    file_dir: Vec<usize>,
    /// What a specifier resolved to from a directory (relative specifiers) or under a
    /// config (the rest): files of one directory import the same modules again and again.
    /// By scope first, so that a specifier is looked up as the `&str` it is, without
    /// allocating a key.
    resolved: Mutex<FxHashMap<Scope, FxHashMap<Box<str>, Resolved>>>,
}

/// A file id, or `None` for packages and missing files.
type Resolved = Option<usize>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Scope {
    Dir(usize),
    Config(usize),
}

/// The resolution-relevant part of a tsconfig after following `extends`.
#[derive(Debug, Hash)]
struct Config {
    base_url: Option<PathBuf>,
    /// Directory that `paths` targets are relative to.
    paths_base: PathBuf,
    paths: Vec<PathPattern>,
}

#[derive(Debug, Clone, Hash)]
struct PathPattern {
    prefix: String,
    /// `None` for an exact (star-less) pattern.
    suffix: Option<String>,
    targets: Vec<String>,
}

/// One config file as written, before `extends` is applied.
#[derive(Debug, Clone)]
struct RawConfig {
    dir: PathBuf,
    base_url: Option<String>,
    paths: Option<Vec<PathPattern>>,
    extends: Vec<PathBuf>,
}

impl Resolver {
    /// `files`: the discovered source paths (index = file id).
    pub fn new(files: &[PathBuf]) -> Resolver {
        Resolver::with_listing(files, None)
    }

    /// [`Resolver::new`], asking the disk for configs only in directories the walk
    /// that found `files` did not list.
    pub fn with_listing(files: &[PathBuf], listing: Option<&Listing>) -> Resolver {
        // Relative inputs are made absolute so that a tsconfig above the
        // working directory is still found; an unknown cwd just keeps them relative.
        let cwd = std::env::current_dir().unwrap_or_default();
        // (Joining an absolute path gives it back: it is not copied twice.)
        let paths: Vec<PathBuf> = (files.iter())
            .map(|f| match f.is_absolute() {
                true => normalize(f),
                false => normalize(&cwd.join(f)),
            })
            .collect();
        let mut ids = FxHashMap::default();
        ids.reserve(paths.len());
        for (id, p) in paths.iter().enumerate() {
            // On duplicates the first id wins, keeping results deterministic.
            ids.entry(Box::from(p.as_os_str().as_encoded_bytes()))
                .or_insert(id);
        }
        // By the bytes of the directory's path (cheaper to hash than its components).
        let mut dirs: FxHashMap<&[u8], usize> = FxHashMap::default();
        let file_dir: Vec<usize> = paths
            .iter()
            .map(|p| {
                let next = dirs.len();
                let dir = parent_of_normal(p).unwrap_or(Path::new(""));
                *dirs
                    .entry(dir.as_os_str().as_encoded_bytes())
                    .or_insert(next)
            })
            .collect();

        let mut loader = ConfigLoader {
            listing,
            ..ConfigLoader::default()
        };
        // The config of each directory, asked once per directory (in the order of the
        // files, so configs are numbered as before) rather than once per file.
        let mut dir_config: Vec<Option<Option<usize>>> = vec![None; dirs.len()];
        let file_config = (paths.iter().zip(&file_dir))
            .map(|(p, &dir_index)| {
                let dir = parent_of_normal(p)?;
                *dir_config[dir_index].get_or_insert_with(|| loader.config_for_dir(dir))
            })
            .collect();
        Resolver {
            paths,
            ids,
            file_config,
            configs: loader.configs,
            file_dir,
            resolved: Mutex::default(),
        }
    }

    /// Equal for two resolvers that resolve every specifier from every file alike: the
    /// same files under the same tsconfigs.
    pub fn fingerprint(&self) -> u128 {
        use std::hash::Hash;
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        self.paths.hash(&mut hasher);
        self.file_config.hash(&mut hasher);
        self.configs.hash(&mut hasher);
        hasher.digest128()
    }

    /// Resolve an import/require specifier used in `files[from]` to a file id,
    /// or `None` (packages, missing files).
    pub fn resolve(&self, from: usize, specifier: &str) -> Option<usize> {
        let scope = if is_relative(specifier) {
            Scope::Dir(*self.file_dir.get(from)?)
        } else {
            Scope::Config((*self.file_config.get(from)?)?)
        };
        // A poisoned lock only means another thread panicked mid-insert: the map is
        // still a valid memo.
        let mut resolved = self.resolved.lock().unwrap_or_else(|e| e.into_inner());
        let in_scope = resolved.entry(scope).or_default();
        if let Some(found) = in_scope.get(specifier) {
            return *found;
        }
        let found = self.resolve_uncached(from, specifier);
        in_scope.insert(Box::from(specifier), found);
        found
    }

    fn resolve_uncached(&self, from: usize, specifier: &str) -> Option<usize> {
        let file = self.paths.get(from)?;
        if is_relative(specifier) {
            let dir = parent_of_normal(file)?;
            let candidate = join_normal(dir, specifier);
            // `.`, `..` and `x/` can only name a directory, as in TypeScript.
            let dir_only = specifier.ends_with('/')
                || specifier.ends_with("/.")
                || specifier.ends_with("/..")
                || specifier == "."
                || specifier == "..";
            return self.probe(&candidate, dir_only);
        }
        if specifier.is_empty() || Path::new(specifier).is_absolute() {
            return None;
        }
        let config = self.configs.get((*self.file_config.get(from)?)?)?;
        self.resolve_with_paths(config, specifier).or_else(|| {
            let base = config.base_url.as_ref()?;
            self.probe(&normalize(&base.join(specifier)), specifier.ends_with('/'))
        })
    }

    fn resolve_with_paths(&self, config: &Config, specifier: &str) -> Option<usize> {
        // An exact pattern beats any wildcard; among wildcards the longest prefix wins.
        let mut best: Option<(&PathPattern, &str)> = None;
        for pat in &config.paths {
            match &pat.suffix {
                None if pat.prefix == specifier => {
                    best = Some((pat, ""));
                    break;
                }
                None => {}
                Some(suffix) => {
                    let Some(star) = specifier
                        .strip_prefix(pat.prefix.as_str())
                        .and_then(|rest| rest.strip_suffix(suffix.as_str()))
                    else {
                        continue;
                    };
                    if best.is_none_or(|(b, _)| {
                        b.suffix.is_some() && pat.prefix.len() > b.prefix.len()
                    }) {
                        best = Some((pat, star));
                    }
                }
            }
        }
        let (pat, star) = best?;
        pat.targets.iter().find_map(|target| {
            let target = target.replacen('*', star, 1);
            self.probe(
                &normalize(&config.paths_base.join(&target)),
                target.ends_with('/'),
            )
        })
    }

    fn probe(&self, candidate: &Path, dir_only: bool) -> Option<usize> {
        let lookup = |base: &Path, suffixes: &[&str]| {
            let mut name = base.as_os_str().as_encoded_bytes().to_vec();
            let stem = name.len();
            suffixes.iter().find_map(|suffix| {
                name.truncate(stem);
                name.extend_from_slice(suffix.as_bytes());
                self.ids.get(name.as_slice()).copied()
            })
        };
        let as_file = || {
            let name = candidate.file_name()?.to_str()?;
            self.ids
                .get(candidate.as_os_str().as_encoded_bytes())
                .copied()
                .or_else(|| lookup(candidate, EXTENSIONS))
                .or_else(|| {
                    ESM_SWAPS.iter().find_map(|(from, tos)| {
                        let stem = name.strip_suffix(from).filter(|s| !s.is_empty())?;
                        lookup(&candidate.with_file_name(stem), tos)
                    })
                })
        };
        (!dir_only)
            .then(as_file)
            .flatten()
            .or_else(|| lookup(&candidate.join("index"), EXTENSIONS))
    }
}

fn is_relative(specifier: &str) -> bool {
    specifier == "."
        || specifier == ".."
        || specifier.starts_with("./")
        || specifier.starts_with("../")
}

/// `Path::parent` of a path [`normalize`] made, from the bytes after its last `/`
/// instead of its components: such a path has no empty, `.` or trailing parts.
fn parent_of_normal(path: &Path) -> Option<&Path> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if bytes.is_empty() || bytes == b"/" {
            return None;
        }
        let parent = match memchr::memrchr(b'/', bytes) {
            // The root.
            Some(0) => &bytes[..1],
            Some(at) => &bytes[..at],
            None => b"",
        };
        Some(Path::new(std::ffi::OsStr::from_bytes(parent)))
    }
    #[cfg(not(unix))]
    path.parent()
}

/// `normalize(&dir.join(relative))` for a `dir` that [`normalize`] made and a
/// `relative` path (no leading `/`): only `relative` is taken apart, on its bytes, as
/// the directory of every relative import is already normal.
#[cfg(unix)]
fn join_normal(dir: &Path, relative: &str) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    let dir = dir.as_os_str().as_encoded_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(dir.len() + 1 + relative.len());
    out.extend_from_slice(dir);
    let absolute = out.starts_with(b"/");
    for part in relative.as_bytes().split(|&b| b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => {
                let last_start = memchr::memrchr(b'/', &out).map_or(0, |at| at + 1);
                match &out[last_start..] {
                    // `/..` is `/`.
                    b"" if absolute => {}
                    // Nothing, or only `..`s, to go up from.
                    b"" | b".." => push_part(&mut out, absolute, b".."),
                    // What `PathBuf::pop` leaves: the separator before the name goes
                    // too, except the root's.
                    _ => out.truncate(last_start.saturating_sub(1).max(usize::from(absolute))),
                }
            }
            name => push_part(&mut out, absolute, name),
        }
    }
    PathBuf::from(std::ffi::OsString::from_vec(out))
}

#[cfg(not(unix))]
fn join_normal(dir: &Path, relative: &str) -> PathBuf {
    normalize(&dir.join(relative))
}

/// Lexical normalisation: drops `.`, folds `..` into its parent, never touches the disk.
fn normalize(path: &Path) -> PathBuf {
    if crate::discover::is_normal(path) {
        return path.to_path_buf();
    }
    normalize_slow(path)
}

/// [`normalize`] of a path that is not normal, on its bytes where paths are bytes split
/// at `/`: taking a path apart into components and pushing them one by one costs
/// several times more, and `dir.join("./x")` of every relative import comes here.
#[cfg(unix)]
fn normalize_slow(path: &Path) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    let bytes = path.as_os_str().as_encoded_bytes();
    let absolute = bytes.starts_with(b"/");
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len());
    if absolute {
        out.push(b'/');
    }
    // Where each name pushed so far starts in `out`, to pop it; the `..` kept at the
    // start of a relative path are not names.
    let mut starts: Vec<usize> = Vec::new();
    for part in bytes.split(|&b| b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => match starts.pop() {
                Some(start) => {
                    // What `PathBuf::pop` leaves: the separator before the name goes
                    // too, except the root's.
                    out.truncate(start.saturating_sub(1).max(usize::from(absolute)));
                }
                // `/..` is `/`.
                None if absolute => {}
                None => push_part(&mut out, absolute, b".."),
            },
            name => {
                push_part(&mut out, absolute, name);
                starts.push(out.len() - name.len());
            }
        }
    }
    PathBuf::from(std::ffi::OsString::from_vec(out))
}

/// Appends `part` to a path being built, as `PathBuf::push` of a relative name does.
#[cfg(unix)]
fn push_part(out: &mut Vec<u8>, absolute: bool, part: &[u8]) {
    if out.len() > usize::from(absolute) {
        out.push(b'/');
    }
    out.extend_from_slice(part);
}

#[cfg(not(unix))]
fn normalize_slow(path: &Path) -> PathBuf {
    normalize_by_components(path)
}

/// [`normalize`] by components, as every platform can.
#[cfg_attr(unix, allow(dead_code))]
fn normalize_by_components(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[derive(Default)]
struct ConfigLoader<'a> {
    listing: Option<&'a Listing>,
    /// Nearest usable config of each directory visited so far.
    /// By the bytes of the directory's path (cheaper to hash than its components).
    by_dir: FxHashMap<Box<[u8]>, Option<usize>>,
    raw: HashMap<PathBuf, Option<RawConfig>>,
    configs: Vec<Config>,
}

impl ConfigLoader<'_> {
    fn config_for_dir(&mut self, dir: &Path) -> Option<usize> {
        if let Some(found) = self.by_dir.get(dir.as_os_str().as_encoded_bytes()) {
            return *found;
        }
        let mut found = None;
        for name in RESOLUTION_CONFIGS {
            let path = dir.join(name);
            let exists = self
                .listing
                .and_then(|listing| listing.has(dir, name))
                .unwrap_or_else(|| path.is_file());
            if exists && self.raw_config(&path).is_some() {
                let config = self.flatten(&path);
                self.configs.push(config);
                found = Some(self.configs.len() - 1);
                break;
            }
        }
        if found.is_none() {
            // An unreadable or unparsable config is skipped, so keep looking upward.
            found = dir.parent().and_then(|parent| self.config_for_dir(parent));
        }
        self.by_dir
            .insert(Box::from(dir.as_os_str().as_encoded_bytes()), found);
        found
    }

    fn raw_config(&mut self, path: &Path) -> Option<RawConfig> {
        if let Some(raw) = self.raw.get(path) {
            return raw.clone();
        }
        let raw = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| parse_config(path, &text));
        self.raw.insert(path.to_path_buf(), raw.clone());
        raw
    }

    /// Applies `extends`: the config itself wins, then its parents in reverse
    /// order (later array entries override earlier ones), depth first.
    fn flatten(&mut self, path: &Path) -> Config {
        let mut chain = Vec::new();
        let mut seen = HashSet::new();
        self.collect_chain(path, &mut seen, &mut chain);
        let base_url = chain
            .iter()
            .find_map(|c| c.base_url.as_ref().map(|b| normalize(&c.dir.join(b))));
        let (paths, paths_dir) = chain
            .iter()
            .find_map(|c| c.paths.clone().map(|p| (p, c.dir.clone())))
            .unwrap_or_default();
        // Since TS 4.1 `paths` work without `baseUrl`, relative to their own config.
        let paths_base = base_url.clone().unwrap_or(paths_dir);
        Config {
            base_url,
            paths_base,
            paths,
        }
    }

    fn collect_chain(
        &mut self,
        path: &Path,
        seen: &mut HashSet<PathBuf>,
        chain: &mut Vec<RawConfig>,
    ) {
        if !seen.insert(path.to_path_buf()) {
            return;
        }
        let Some(raw) = self.raw_config(path) else {
            return;
        };
        let parents = raw.extends.clone();
        chain.push(raw);
        for parent in parents.iter().rev() {
            self.collect_chain(parent, seen, chain);
        }
    }
}

fn parse_config(path: &Path, text: &str) -> Option<RawConfig> {
    let json: Value = serde_json::from_str(&strip_jsonc(text)).ok()?;
    let dir = path.parent()?.to_path_buf();
    let options = json.get("compilerOptions");
    let base_url = options
        .and_then(|o| o.get("baseUrl"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let paths = options
        .and_then(|o| o.get("paths"))
        .and_then(Value::as_object)
        .map(|map| {
            let mut patterns: Vec<PathPattern> = map
                .iter()
                .filter_map(|(key, targets)| {
                    // TypeScript rejects more than one `*` in a pattern or target.
                    if key.matches('*').count() > 1 {
                        return None;
                    }
                    let targets = targets
                        .as_array()?
                        .iter()
                        .filter_map(Value::as_str)
                        .filter(|t| t.matches('*').count() <= 1)
                        .map(str::to_string)
                        .collect();
                    let (prefix, suffix) = match key.split_once('*') {
                        Some((p, s)) => (p.to_string(), Some(s.to_string())),
                        None => (key.clone(), None),
                    };
                    Some(PathPattern {
                        prefix,
                        suffix,
                        targets,
                    })
                })
                .collect();
            // Stable iteration order regardless of how serde_json stores objects.
            patterns.sort_by(|a, b| (&a.prefix, &a.suffix).cmp(&(&b.prefix, &b.suffix)));
            patterns
        });
    let extends = match json.get("extends") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let extends = extends
        .into_iter()
        // Package-name extends would need node_modules resolution; only paths are followed.
        .filter(|e| is_relative(e) || Path::new(e).is_absolute())
        .map(|e| {
            let p = normalize(&dir.join(e));
            if p.is_file() {
                return p;
            }
            let mut with_json = p.into_os_string();
            with_json.push(".json");
            PathBuf::from(with_json)
        })
        .collect();
    Some(RawConfig {
        dir,
        base_url,
        paths,
        extends,
    })
}

/// Turns JSONC (comments, trailing commas, BOM) into JSON serde_json accepts.
fn strip_jsonc(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match c {
                '\\' => {
                    if let Some(escaped) = chars.next() {
                        out.push(escaped);
                    }
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match (c, chars.peek()) {
            ('"', _) => {
                in_string = true;
                out.push(c);
            }
            ('/', Some('/')) => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                chars.next();
                let mut prev = '\0';
                for c in chars.by_ref() {
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    remove_trailing_commas(&out)
}

fn remove_trailing_commas(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in json.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = bytes[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
            if matches!(next, Some(b'}' | b']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn normalizing_bytes_is_normalizing_components() {
        let parts = ["", ".", "..", "a", "bc", ".d", "..e"];
        // Every path of up to four parts, relative and absolute, with and without a
        // trailing slash.
        let paths = crate::discover::paths_of_parts(&parts);
        for path in &paths {
            for path in [path.as_str(), path.trim_start_matches('/')] {
                for path in [path.to_owned(), format!("{path}/")] {
                    let path = Path::new(&path);
                    let normal = normalize(path);
                    assert_eq!(normal, normalize_by_components(path), "{path:?}");
                    assert_eq!(parent_of_normal(&normal), normal.parent(), "{path:?}");
                    for relative in ["", ".", "..", "./a", "../a", "../../b/./c", "./", "a//b"] {
                        assert_eq!(
                            join_normal(&normal, relative),
                            normalize(&normal.join(relative)),
                            "{path:?} {relative}"
                        );
                    }
                }
            }
        }
    }

    /// Creates `files` under a temp dir and returns it plus their absolute paths.
    fn setup(files: &[&str], configs: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
        let dir = tempfile::tempdir().unwrap();
        let mut paths = Vec::new();
        for f in files {
            let p = dir.path().join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(&p, "").unwrap();
            paths.push(p);
        }
        for (name, text) in configs {
            let p = dir.path().join(name);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, text).unwrap();
        }
        (dir, paths)
    }

    #[test]
    fn relative_specifiers() {
        let (_d, files) = setup(
            &[
                "src/app.ts",
                "src/util.ts",
                "src/lib/index.tsx",
                "src/types.d.ts",
                "src/esm.mts",
                "src/comp.tsx",
                "src/App.vue",
                "src/plain.js",
                "index.ts",
            ],
            &[],
        );
        let r = Resolver::new(&files);
        let from = 0;
        assert_eq!(r.resolve(from, "./util"), Some(1));
        assert_eq!(r.resolve(from, "./util.ts"), Some(1));
        assert_eq!(r.resolve(from, "./util.js"), Some(1));
        assert_eq!(r.resolve(from, "./lib"), Some(2));
        assert_eq!(r.resolve(from, "./lib/"), Some(2));
        assert_eq!(r.resolve(from, "./lib/index.jsx"), Some(2));
        assert_eq!(r.resolve(from, "./types"), Some(3));
        assert_eq!(r.resolve(from, "./esm.mjs"), Some(4));
        assert_eq!(r.resolve(from, "./comp.jsx"), Some(5));
        assert_eq!(r.resolve(from, "./App.vue"), Some(6));
        assert_eq!(r.resolve(from, "./plain.js"), Some(7));
        assert_eq!(r.resolve(from, "../index"), Some(8));
        assert_eq!(r.resolve(from, ".."), Some(8));
        assert_eq!(r.resolve(2, ".."), None);
        assert_eq!(r.resolve(2, "../util"), Some(1));
        assert_eq!(r.resolve(2, "./../lib/../util"), Some(1));
        assert_eq!(r.resolve(from, "./missing"), None);
        assert_eq!(r.resolve(from, "socket.io"), None);
        assert_eq!(r.resolve(from, ""), None);
        assert_eq!(r.resolve(99, "./util"), None);
    }

    #[test]
    fn relative_input_paths_resolve() {
        let files = vec![PathBuf::from("./a/b.ts"), PathBuf::from("a/c.ts")];
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "./c"), Some(1));
        assert_eq!(r.resolve(1, "./b.js"), Some(0));
    }

    #[test]
    fn tsconfig_paths_and_base_url() {
        let (_d, files) = setup(
            &[
                "web/src/main.ts",
                "web/src/lib/socket.ts",
                "web/src/shared/events.ts",
                "web/src/exact.ts",
            ],
            &[(
                "web/tsconfig.json",
                r#"{
                    // comment with "quotes" and a /* fake block
                    "compilerOptions": {
                        /* block */ "baseUrl": "./src",
                        "paths": {
                            "@/*": ["./missing/*", "./*"],
                            "@/lib/*": ["./lib/*"],
                            "exact": ["exact.ts"],
                            "url": ["http://x/*"],
                        },
                    },
                }"#,
            )],
        );
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "@/lib/socket"), Some(1));
        assert_eq!(r.resolve(0, "@/shared/events"), Some(2));
        assert_eq!(r.resolve(0, "exact"), Some(3));
        // baseUrl alone also resolves bare specifiers.
        assert_eq!(r.resolve(0, "lib/socket"), Some(1));
        assert_eq!(r.resolve(0, "socket.io"), None);
        assert_eq!(r.resolve(0, "url"), None);
    }

    #[test]
    fn paths_without_base_url_are_relative_to_config() {
        let (_d, files) = setup(
            &["app/src/a.ts", "app/src/b.ts"],
            &[(
                "app/jsconfig.json",
                r#"{"compilerOptions":{"paths":{"~/*":["src/*"]}}}"#,
            )],
        );
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "~/b"), Some(1));
        assert_eq!(r.resolve(0, "src/b"), None);
    }

    #[test]
    fn extends_chain_with_cycle() {
        let (_d, files) = setup(
            &["pkg/src/a.ts", "pkg/src/b.ts", "shared/x.ts"],
            &[
                (
                    "pkg/tsconfig.json",
                    r#"{"extends": "../tsconfig.base", "compilerOptions": {}}"#,
                ),
                (
                    "tsconfig.base.json",
                    r##"{"extends": ["./tsconfig.json"], "compilerOptions": {"baseUrl": ".", "paths": {"#s/*": ["shared/*"]}}}"##,
                ),
                ("tsconfig.json", r#"{"extends": "./tsconfig.base.json"}"#),
            ],
        );
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "#s/x"), Some(2));
        assert_eq!(r.resolve(0, "pkg/src/b"), Some(1));
    }

    #[test]
    fn child_paths_replace_parent_paths() {
        let (_d, files) = setup(
            &["p/a.ts", "p/child/c.ts", "p/parent/c.ts"],
            &[
                (
                    "p/base.json",
                    r#"{"compilerOptions": {"paths": {"c": ["./parent/c"]}}}"#,
                ),
                (
                    "p/tsconfig.json",
                    r#"{"extends": "./base.json", "compilerOptions": {"paths": {"c": ["./child/c"]}}}"#,
                ),
            ],
        );
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "c"), Some(1));
    }

    #[test]
    fn broken_config_is_ignored() {
        let (_d, files) = setup(
            &["a/b/x.ts", "a/y.ts"],
            &[
                ("a/b/tsconfig.json", "{ not json"),
                ("a/tsconfig.json", r#"{"compilerOptions":{"baseUrl":"."}}"#),
            ],
        );
        let r = Resolver::new(&files);
        assert_eq!(r.resolve(0, "y"), Some(1));
    }

    #[test]
    fn jsonc_stripping() {
        let src = "\u{feff}{\"a\": \"// not a comment\", /* c */ \"b\": [1, 2,], // tail\n \"c\": \"\\\"/*\",}";
        let v: Value = serde_json::from_str(&strip_jsonc(src)).unwrap();
        assert_eq!(v["a"], "// not a comment");
        assert_eq!(v["b"], serde_json::json!([1, 2]));
        assert_eq!(v["c"], "\"/*");
        // Unterminated input must not panic.
        for bad in ["/*", "\"abc", "{,", ",", "\"\\"] {
            let _ = strip_jsonc(bad);
        }
    }

    #[test]
    fn normal_paths_are_given_back_as_they_are() {
        for path in [
            "/a/b.ts", "a/b", "/", "a", "./a", "a/./b", "a/../b", "a//b", "a/", "..", "/a/.", "",
        ] {
            let path = Path::new(path);
            if crate::discover::is_normal(path) {
                assert_eq!(normalize(path), path, "{}", path.display());
            }
        }
        assert!(crate::discover::is_normal(Path::new("/a/b.ts")));
        assert!(!crate::discover::is_normal(Path::new("a//b")));
        assert!(!crate::discover::is_normal(Path::new("a/./b")));
    }

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(normalize(Path::new("a/./b/../c")), PathBuf::from("a/c"));
        assert_eq!(
            normalize(Path::new("../a/../../b")),
            PathBuf::from("../../b")
        );
        assert_eq!(normalize(Path::new("/../a")), PathBuf::from("/a"));
    }

    #[test]
    fn resolver_is_sync() {
        fn assert_sync<T: Sync + Send>() {}
        assert_sync::<Resolver>();
    }
}
