//! The npm package a file belongs to, when that package is Socket.IO itself.
//!
//! Inside the `socket.io` and `socket.io-client` packages, tests and examples import the
//! library as `..`, `../`, `../..` or `../dist/index.js`: those imports are the real
//! `Server` / `io`, exactly as `import { Server } from "socket.io"` is elsewhere. Only
//! such packages get a [`SelfPackage`]; every other file's facts depend on its text alone.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;

/// A file's place in a package that the front-ends know by name (see `is_known`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelfPackage {
    /// The package's name, as other packages import it: `socket.io`.
    pub name: String,
    /// The file's directory relative to the package root, `/`-separated, `""` at the root.
    pub dir: String,
    /// The package's entry points relative to its root, without extension or a final
    /// `/index` (`dist/index.js` is `dist`), and what they are compiled from.
    pub entries: Arc<[String]>,
}

impl SelfPackage {
    /// Whether an import specifier written in the file names the package itself: its
    /// own name, its root (`..` from `test/`), or one of its entry points.
    pub fn is_self(&self, specifier: &str) -> bool {
        if specifier == self.name {
            return true;
        }
        if !(specifier == "."
            || specifier == ".."
            || specifier.starts_with("./")
            || specifier.starts_with("../"))
        {
            return false;
        }
        let Some(target) = join(&self.dir, specifier) else {
            return false;
        };
        let target = without_index(without_extension(&target));
        target.is_empty() || self.entries.iter().any(|entry| *entry == target)
    }

    /// Stands for everything extraction reads of the package, for the cache.
    pub fn fingerprint(&self) -> u128 {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for part in [&self.name, &self.dir]
            .into_iter()
            .chain(self.entries.iter())
        {
            hasher.update(part.as_bytes());
            hasher.update(&[0]);
        }
        hasher.digest128()
    }
}

/// `dir` joined with a relative specifier, lexically; `None` when it leaves the package.
fn join(dir: &str, specifier: &str) -> Option<String> {
    let mut parts: Vec<&str> = dir.split('/').filter(|part| !part.is_empty()).collect();
    for part in specifier.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

fn without_extension(path: &str) -> &str {
    for extension in [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"] {
        if let Some(stem) = path.strip_suffix(extension) {
            return stem.strip_suffix(".d").unwrap_or(stem);
        }
    }
    path
}

fn without_index(path: &str) -> &str {
    match path {
        "index" => "",
        path => path.strip_suffix("/index").unwrap_or(path),
    }
}

/// What a `package.json` says that matters here.
#[derive(Debug)]
struct Manifest {
    root: PathBuf,
    /// The package's name, when it is a library others import (not a workspace root).
    name: Option<String>,
    entries: Arc<[String]>,
    /// The major version of Socket.IO the package's clients speak (see
    /// [`socketio_client_major`]).
    socketio_major: Option<u32>,
}

/// The nearest `package.json` of each directory, read once per directory.
#[derive(Default)]
pub struct Packages {
    /// By absolute directory: the manifest of the nearest package, if it names a
    /// Socket.IO package at all. Directories are keyed by their bytes, cheaper to hash
    /// than their components: they are all ancestors of paths `discover::absolute`
    /// made, so equal paths have equal bytes.
    nearest: FxHashMap<Box<[u8]>, Option<Arc<Manifest>>>,
    /// By absolute directory (its bytes): the Socket.IO client version of the nearest
    /// manifest that names one.
    majors: FxHashMap<Box<[u8]>, Option<u32>>,
}

/// What the nearest `package.json` of each file says (see [`Packages::of_files`]).
#[derive(Debug, Default)]
pub struct FilePackages {
    /// Of each file, the Socket.IO package it is part of, if any.
    pub self_packages: Vec<Option<SelfPackage>>,
    /// Of each file, the major version of the Socket.IO client its package depends on;
    /// `None` when no manifest says (or the range cannot be read).
    pub socketio_majors: Vec<Option<u32>>,
}

impl Packages {
    /// The package of each file, for files in a package named `socket.io` or
    /// `socket.io-client` (or another name `is_known` accepts), and the Socket.IO
    /// client version of each file's package.
    pub fn of_files<'p>(
        paths: impl Iterator<Item = &'p Path>,
        is_known: impl Fn(&str) -> bool,
    ) -> FilePackages {
        let mut packages = Packages::default();
        let mut found = FilePackages::default();
        // A file's package depends on its directory alone: each is looked up once (keyed
        // by its bytes, which hash faster than a path's components).
        let mut by_dir: FxHashMap<&'p [u8], (Option<SelfPackage>, Option<u32>)> =
            FxHashMap::default();
        for path in paths {
            let (self_package, major) = match path.parent() {
                Some(dir) => by_dir
                    .entry(dir.as_os_str().as_encoded_bytes())
                    .or_insert_with(|| packages.of_file(path, &is_known))
                    .clone(),
                None => packages.of_file(path, &is_known),
            };
            found.self_packages.push(self_package);
            found.socketio_majors.push(major);
        }
        found
    }

    /// The Socket.IO package a file is part of, and the client version its package
    /// depends on.
    fn of_file(
        &mut self,
        path: &Path,
        is_known: &impl Fn(&str) -> bool,
    ) -> (Option<SelfPackage>, Option<u32>) {
        let absolute = crate::discover::absolute(path);
        let Some(dir) = absolute.parent() else {
            return (None, None);
        };
        let manifest = self.nearest(dir);
        let major = self.socketio_major(dir);
        let self_package = manifest.and_then(|m| self_package(dir, &m, is_known));
        (self_package, major)
    }
}

/// The package of a file in `dir` (absolute) of the package of `manifest`, when it is
/// one the front-ends know by name.
fn self_package(
    dir: &Path,
    manifest: &Manifest,
    is_known: &impl Fn(&str) -> bool,
) -> Option<SelfPackage> {
    let name = manifest.name.as_ref().filter(|name| is_known(name))?;
    let relative = dir.strip_prefix(&manifest.root).ok()?;
    let dir = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    Some(SelfPackage {
        name: name.clone(),
        dir,
        entries: manifest.entries.clone(),
    })
}

impl Packages {
    /// The Socket.IO client version of the nearest manifest or lockfile above `dir`
    /// that names one: a package of a workspace (an app's `client/`, a plugin) often
    /// leaves its dependencies to the root's manifest, and its lockfile tells what a
    /// range of `*` or `latest` resolved to.
    fn socketio_major(&mut self, dir: &Path) -> Option<u32> {
        let mut walked = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.majors.get(key(ancestor)) {
                found = *known;
                break;
            }
            walked.push(Box::from(key(ancestor)));
            let major = match self.nearest.get(key(ancestor)) {
                // Read already: the manifest of this very directory?
                Some(Some(manifest)) if manifest.root == ancestor => manifest.socketio_major,
                _ => std::fs::read_to_string(ancestor.join("package.json"))
                    .ok()
                    .filter(|text| text.contains("socket.io"))
                    .and_then(|text| serde_json::from_str(&text).ok())
                    .and_then(|json| socketio_client_major(&json)),
            };
            // A range that names no version (`*`, `latest`, a git URL) or none at all:
            // what the lockfile resolved, when this directory holds one.
            let major = major.or_else(|| crate::lockfile::socketio_major(ancestor));
            if major.is_some() {
                found = major;
                break;
            }
        }
        for dir in walked {
            self.majors.insert(dir, found);
        }
        found
    }

    /// The manifest of the package `dir` is in, found by walking up; every directory
    /// passed on the way remembers the answer.
    fn nearest(&mut self, dir: &Path) -> Option<Arc<Manifest>> {
        let mut walked = Vec::new();
        let mut found = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.nearest.get(key(ancestor)) {
                found = known.clone();
                break;
            }
            walked.push(Box::from(key(ancestor)));
            if let Ok(text) = std::fs::read_to_string(ancestor.join("package.json")) {
                // Every package of `node_modules` has a manifest: only those that can
                // name a Socket.IO package are parsed.
                found = text
                    .contains("socket.io")
                    .then(|| read_manifest(ancestor, &text))
                    .flatten()
                    .map(Arc::new);
                break;
            }
        }
        for dir in walked {
            self.nearest.insert(dir, found.clone());
        }
        found
    }
}

/// How [`Packages`] keys a directory.
fn key(dir: &Path) -> &[u8] {
    dir.as_os_str().as_encoded_bytes()
}

/// The name, entry points and Socket.IO version of a `package.json`; `None` for
/// invalid JSON.
fn read_manifest(root: &Path, text: &str) -> Option<Manifest> {
    let json: serde_json::Value = serde_json::from_str(text).ok()?;
    let socketio_major = socketio_client_major(&json);
    // A workspace root is named after the library it hosts but is not it: its
    // examples and tools import the real package, not `..`.
    let name = match json.get("workspaces") {
        Some(_) => None,
        None => json
            .get("name")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned),
    };
    let Some(name) = name else {
        return Some(Manifest {
            root: root.to_path_buf(),
            name: None,
            entries: Arc::from([]),
            socketio_major,
        });
    };
    let mut targets = Vec::new();
    for key in ["main", "module", "browser", "types"] {
        if let Some(target) = json.get(key).and_then(serde_json::Value::as_str) {
            targets.push(target.to_owned());
        }
    }
    // `exports["."]`, or `exports` itself when it is the root's: a string or a map of
    // conditions (`import`, `require`, `types`, nested).
    let root_export = match json.get("exports") {
        Some(serde_json::Value::Object(map)) if map.keys().any(|key| key.starts_with('.')) => {
            map.get(".")
        }
        other => other,
    };
    collect_strings(root_export, &mut targets);
    let mut entries = Vec::new();
    for target in targets {
        let Some(entry) = join("", &target) else {
            continue;
        };
        let entry = without_index(without_extension(&entry)).to_owned();
        // An entry compiled into an output directory is imported from its sources too
        // (`../lib` for `dist/index.js`).
        let (first, rest) = entry.split_once('/').unwrap_or((&entry, ""));
        if crate::discover::OUTPUT_DIRS.contains(&first) {
            for source in ["lib", "src"] {
                entries.push(match rest {
                    "" => source.to_owned(),
                    rest => format!("{source}/{rest}"),
                });
            }
        }
        entries.push(entry);
    }
    entries.sort();
    entries.dedup();
    Some(Manifest {
        root: root.to_path_buf(),
        name: Some(name),
        entries: entries.into(),
        socketio_major,
    })
}

/// The major version of the Socket.IO client a package's code runs against: its
/// dependency on `socket.io-client`, or else on `socket.io` (whose server serves the
/// client of its own version to pages at `/socket.io/socket.io.js`). `None` when
/// neither is listed or the range names no version (`latest`, a git URL).
fn socketio_client_major(json: &serde_json::Value) -> Option<u32> {
    let range_of = |package: &str| {
        ["dependencies", "devDependencies", "peerDependencies"]
            .iter()
            .find_map(|field| json.get(field)?.get(package)?.as_str())
    };
    range_major(range_of("socket.io-client").or_else(|| range_of("socket.io"))?)
}

/// The major version a semver range starts from: `^2.3.0`, `~2.4`, `2.x`, `>=2 <3`
/// are 2; `npm:socket.io-client@^4` is 4.
fn range_major(range: &str) -> Option<u32> {
    let range = range.rsplit_once('@').map_or(range, |(_, version)| version);
    let start = range.trim_start_matches(['^', '~', '>', '=', 'v', ' ']);
    let digits = start
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(start.len());
    start[..digits].parse().ok()
}

fn collect_strings(value: Option<&serde_json::Value>, out: &mut Vec<String>) {
    match value {
        Some(serde_json::Value::String(target)) => out.push(target.clone()),
        Some(serde_json::Value::Object(map)) => {
            for value in map.values() {
                collect_strings(Some(value), out);
            }
        }
        Some(serde_json::Value::Array(values)) => {
            for value in values {
                collect_strings(Some(value), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` at `rel` below `root`, with the directories it needs.
    fn write_file(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn package(dir: &str) -> SelfPackage {
        let manifest = read_manifest(
            Path::new("/p"),
            r#"{ "name": "socket.io", "main": "./dist/index.js",
                 "exports": { ".": { "import": "./wrapper.mjs", "require": "./dist/index.js" },
                              "./package.json": "./package.json" } }"#,
        )
        .unwrap();
        SelfPackage {
            name: manifest.name.unwrap(),
            dir: dir.to_owned(),
            entries: manifest.entries,
        }
    }

    #[test]
    fn self_imports_name_the_package_root_or_an_entry() {
        let test = package("test");
        for specifier in [
            "..",
            "../",
            "../index",
            "../dist/index.js",
            "../dist",
            "../lib",
            "../wrapper.mjs",
            "socket.io",
        ] {
            assert!(test.is_self(specifier), "{specifier}");
        }
        for specifier in [
            "./support/util",
            "../lib/socket",
            "../../other",
            "socket.io-client",
            ".",
        ] {
            assert!(!test.is_self(specifier), "{specifier}");
        }
        let support = package("test/support");
        assert!(support.is_self("../.."));
        assert!(!support.is_self(".."));
        assert!(package("").is_self("."));
    }

    #[test]
    fn the_client_version_comes_from_socket_io_client_or_else_socket_io() {
        let major = |text: &str| read_manifest(Path::new("/p"), text).unwrap().socketio_major;
        assert_eq!(
            major(r#"{"dependencies":{"socket.io-client":"^2.3.0","socket.io":"^4.7.0"}}"#),
            Some(2)
        );
        assert_eq!(major(r#"{"dependencies":{"socket.io":"~2.4.1"}}"#), Some(2));
        assert_eq!(
            major(r#"{"devDependencies":{"socket.io-client":"4.x"}}"#),
            Some(4)
        );
        assert_eq!(
            major(r#"{"dependencies":{"socket.io-client":">= 3.0.0 < 5"}}"#),
            Some(3)
        );
        assert_eq!(
            major(r#"{"dependencies":{"socket.io-client":"latest"}}"#),
            None
        );
        assert_eq!(
            major(r#"{"workspaces":[],"dependencies":{"socket.io-client":"^1.7"}}"#),
            Some(1)
        );
        assert_eq!(major(r#"{"name":"app"}"#), None);
        assert_eq!(range_major("npm:socket.io-client@^2.5.0"), Some(2));
    }

    #[test]
    fn the_client_version_is_the_nearest_manifest_that_names_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| write_file(root, rel, text);
        write(
            "package.json",
            r#"{"name":"pad","workspaces":["plugins/*"],"dependencies":{"socket.io":"^2.4.1"}}"#,
        );
        write("plugins/align/package.json", r#"{"name":"ep_align"}"#);
        write("plugins/align/static/js/index.js", "");
        write(
            "plugins/chat/package.json",
            r#"{"name":"ep_chat","dependencies":{"socket.io-client":"^4.7.0"}}"#,
        );
        write("plugins/chat/index.js", "");
        write("static/js/pad.js", "");
        let files = [
            root.join("plugins/align/static/js/index.js"),
            root.join("plugins/chat/index.js"),
            root.join("static/js/pad.js"),
        ];
        let found = Packages::of_files(files.iter().map(PathBuf::as_path), |_| true);
        assert_eq!(found.socketio_majors, [Some(2), Some(4), Some(2)]);
    }

    #[test]
    fn a_range_without_a_version_is_read_from_the_nearest_lockfile() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| write_file(root, rel, text);
        write(
            "package.json",
            r#"{"name":"kiosk","dependencies":{"socket.io-client":"^2.5.0"}}"#,
        );
        write(
            "dashboard/package.json",
            r#"{"name":"dash","dependencies":{"socket.io-client":"latest"}}"#,
        );
        write(
            "dashboard/package-lock.json",
            "{\n  \"packages\": {\n    \"node_modules/socket.io-client\": {\n      \"version\": \"4.7.5\"\n    }\n  }\n}\n",
        );
        write("dashboard/src/a.js", "");
        write("tools/package.json", r#"{"name":"tools"}"#);
        write(
            "tools/pnpm-lock.yaml",
            "packages:\n  /socket.io-client@4.7.5:\n",
        );
        write("tools/b.js", "");
        write("c.js", "");
        let files = [
            root.join("dashboard/src/a.js"),
            root.join("tools/b.js"),
            root.join("c.js"),
        ];
        let found = Packages::of_files(files.iter().map(PathBuf::as_path), |_| true);
        assert_eq!(found.socketio_majors, [Some(4), Some(4), Some(2)]);
    }

    #[test]
    fn the_nearest_manifest_is_read_once_and_only_known_names_count() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |rel: &str, text: &str| write_file(root, rel, text);
        write(
            "packages/socket.io/package.json",
            r#"{"name":"socket.io","main":"dist/index.js"}"#,
        );
        write("packages/socket.io/test/a.ts", "");
        write("packages/socket.io/test/fixtures/b.ts", "");
        write("packages/app/package.json", r#"{"name":"app"}"#);
        write(
            "package.json",
            r#"{"name":"socket.io","private":true,"workspaces":["packages/*"]}"#,
        );
        write("examples/chat/index.js", "");
        write("packages/app/src/c.ts", "");
        let files = [
            root.join("packages/socket.io/test/a.ts"),
            root.join("packages/socket.io/test/fixtures/b.ts"),
            root.join("packages/app/src/c.ts"),
            root.join("examples/chat/index.js"),
        ];
        let found = Packages::of_files(files.iter().map(PathBuf::as_path), |name| {
            name == "socket.io"
        })
        .self_packages;
        let dirs: Vec<Option<&str>> = found
            .iter()
            .map(|p| p.as_ref().map(|p| p.dir.as_str()))
            .collect();
        assert_eq!(dirs, [Some("test"), Some("test/fixtures"), None, None]);
        assert!(found[0].as_ref().unwrap().is_self(".."));
    }
}
