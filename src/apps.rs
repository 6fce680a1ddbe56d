//! Apps: which files of a repository talk to each other.
//!
//! A repository often holds many independent apps (`examples/*`, `packages/*`, test
//! suites), and one app often spans several directories (`web/` and `server/`). Events
//! are matched only within an app, so an emit in one example is never "handled" by a
//! namesake in another, and a catch-all in one app hides nothing in the next.
//!
//! The rule (also in the README, under "Apps"):
//! - the *scope* of a file with sites on one side is the nearest directory above it that
//!   holds a file with sites on the other side (its own directory when it holds both);
//! - files with the same scope are one app. Pairing a client file and a server file only
//!   when each is under the other's scope comes to exactly this: two nested scopes that
//!   each contain the other file are the same directory. But when the servers of one
//!   scope are in several of its subdirectories (examples or packages whose other half
//!   is in files wirelint does not read), which client talks to which is unknown: each
//!   subdirectory stays on its own;
//! - an app that still has clients only joins the servers under its scope when they are
//!   one app (`examples/a/client` beside an `examples/a/server` that serves its own page),
//!   never when it would have to choose between several. A server without clients stays
//!   alone: its clients are often outside the project (a mobile app, an HTML page);
//! - explicit evidence joins apps: one file imports the other, two sites take their name
//!   from one definition (a shared events module), two Rust files are one crate;
//! - `[apps]` in `wirelint.toml` overrides: the files it lists are in the app it names,
//!   and files of two different listed apps are never joined.
//!
//! Everything here is linear in the files with sites times the depth of their paths.

use std::path::{Path, PathBuf};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::ids::FileId;
use crate::link_settings::LinkSettings;

pub type AppId = usize;

/// One app: the files with sites that talk to each other.
#[derive(Debug, Clone)]
pub struct App {
    /// The `[apps]` name, when the configuration lists its files.
    pub name: Option<String>,
    /// The deepest directory holding all its files.
    pub root: PathBuf,
    /// In path order.
    pub files: Vec<FileId>,
}

#[derive(Debug, Default)]
pub struct Apps {
    pub apps: Vec<App>,
    /// Per file of the project: its app, when it has sites.
    of_file: Vec<Option<AppId>>,
    /// The apps by their directory.
    by_root: HashMap<PathBuf, Vec<AppId>>,
}

impl Apps {
    /// The app of a file with sites (app 0 for files without, which pair with nothing).
    pub fn of(&self, file: FileId) -> AppId {
        self.of_file.get(file).copied().flatten().unwrap_or(0)
    }

    /// The apps whose directory is the nearest above `path`: where a file without sites
    /// (one that did not parse) belongs.
    pub fn nearest(&self, path: &Path) -> &[AppId] {
        path.ancestors()
            .skip(1)
            .find_map(|dir| self.by_root.get(dir))
            .map_or(&[], Vec::as_slice)
    }
}

/// What the partition needs to know of one file.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileSides {
    pub client: bool,
    pub server: bool,
    /// The file has sites, whether or not their side is known (a socket only guessed at
    /// in a file whose side nothing tells).
    pub sites: bool,
}

impl FileSides {
    pub fn any(self) -> bool {
        self.client || self.server
    }
}

/// Partitions the files with sites into apps. `sides` is indexed by file; `evidence`
/// lists pairs of files that explicit evidence puts in one app.
pub fn partition(
    paths: &[&Path],
    sides: &[FileSides],
    evidence: &[(FileId, FileId)],
    settings: &LinkSettings,
) -> Apps {
    let files: Vec<FileId> = (0..paths.len()).filter(|&f| sides[f].any()).collect();
    let mut sets = UnionFind::new(paths.len());
    for &file in &files {
        sets.label[file] = settings.app_of_path(paths[file]);
    }

    // Directories are compared by the bytes of their paths, cheaper to hash and take
    // apart than components (see `DirKey`).
    let keys: Vec<DirKey> = (0..paths.len())
        .map(|file| match sides[file].any() {
            true => DirKey::of(paths[file]),
            false => DirKey::default(),
        })
        .collect();
    // Directories holding each side, for the scope of the other.
    let mut client_dirs: HashSet<&[u8]> = HashSet::default();
    let mut server_dirs: HashSet<&[u8]> = HashSet::default();
    for &file in &files {
        for dir in keys[file].ancestors().skip(1) {
            if sides[file].client {
                client_dirs.insert(dir);
            }
            if sides[file].server {
                server_dirs.insert(dir);
            }
        }
    }
    let scope = |file: FileId| -> Option<&[u8]> {
        let key = &keys[file];
        let other = match (sides[file].client, sides[file].server) {
            (true, true) => return key.ancestors().nth(1),
            (true, false) => &server_dirs,
            _ => &client_dirs,
        };
        key.ancestors().skip(1).find(|dir| other.contains(dir))
    };
    let scopes: Vec<Option<&[u8]>> = (0..paths.len())
        .map(|f| if sides[f].any() { scope(f) } else { None })
        .collect();

    // `[apps]` first, so that its apps are whole before anything else joins them.
    let mut first_of_label: HashMap<usize, FileId> = HashMap::default();
    for &file in &files {
        if let Some(label) = sets.label[file] {
            let first = *first_of_label.entry(label).or_insert(file);
            sets.union(first, file);
        }
    }
    // Same scope: one app, unless the scope is a directory of many apps. Files with no
    // scope at all (the other side is nowhere in the project) are one app too: nothing
    // pairs with them anyway.
    let branch = |file: FileId| -> Option<&[u8]> {
        let dir = scopes[file]?;
        let rest = keys[file].below(dir)?;
        // A file directly in the scope directory is a branch of its own.
        let end = memchr::memchr(b'/', rest)?;
        Some(&rest[..end])
    };
    // Per scope, the subdirectories holding its servers.
    let mut server_branches: HashMap<Option<&[u8]>, HashSet<_>> = HashMap::default();
    for &file in &files {
        if sides[file].server {
            server_branches
                .entry(scopes[file])
                .or_default()
                .insert(branch(file));
        }
    }
    // By (scope, branch), directories as `DirKey` bytes.
    type Group<'k> = (Option<&'k [u8]>, Option<&'k [u8]>);
    let mut first_of_group: HashMap<Group, FileId> = HashMap::default();
    for &file in &files {
        let scope = scopes[file];
        // Servers in several subdirectories (`examples/*` or `packages/*` whose other
        // halves the analysis cannot see): which client talks to which is unknown, so
        // each subdirectory stays on its own. One server for many clients (`web/`,
        // `admin/` and `server/`) is one app.
        let ambiguous = scope.is_some() && server_branches.get(&scope).is_some_and(|b| b.len() > 1);
        let key = (scope, if ambiguous { branch(file) } else { None });
        let first = *first_of_group.entry(key).or_insert(file);
        sets.union(first, file);
    }
    for &(a, b) in evidence {
        if sides[a].any() && sides[b].any() {
            sets.union(a, b);
        }
    }

    // A component with clients only joins the servers under its scope when they are one
    // component: decided on the components as they are now, so the order of the files
    // does not matter.
    let mut has_client: HashSet<FileId> = HashSet::default();
    let mut has_server: HashSet<FileId> = HashSet::default();
    for &file in &files {
        let root = sets.find(file);
        if sides[file].client {
            has_client.insert(root);
        }
        if sides[file].server {
            has_server.insert(root);
        }
    }
    // Only servers are looked for: a client talks to some server, while a server without
    // clients in the project is common (a mobile app, a page wirelint does not read).
    // Per directory: the one component with servers below it, or `None` when there are
    // several.
    let mut below: HashMap<&[u8], Option<FileId>> = HashMap::default();
    for &file in files.iter().filter(|&&f| sides[f].server) {
        let root = sets.find(file);
        for dir in keys[file].ancestors().skip(1) {
            below
                .entry(dir)
                .and_modify(|one| {
                    if *one != Some(root) {
                        *one = None;
                    }
                })
                .or_insert(Some(root));
        }
    }
    let mut joins = Vec::new();
    for &file in &files {
        let root = sets.find(file);
        let lacks_server = has_client.contains(&root) && !has_server.contains(&root);
        let Some(dir) = scopes[file] else {
            continue;
        };
        if lacks_server && let Some(Some(server)) = below.get(dir) {
            joins.push((file, *server));
        }
    }
    for (a, b) in joins {
        sets.union(a, b);
    }

    // Number the apps by their first file, so the ids follow path order.
    let mut of_file = vec![None; paths.len()];
    let mut apps: Vec<App> = Vec::new();
    let mut id_of_root: HashMap<FileId, AppId> = HashMap::default();
    for &file in &files {
        let root = sets.find(file);
        let id = *id_of_root.entry(root).or_insert_with(|| {
            apps.push(App {
                name: sets.label[root]
                    .and_then(|label| settings.app_names().nth(label))
                    .map(str::to_owned),
                root: PathBuf::new(),
                files: Vec::new(),
            });
            apps.len() - 1
        });
        of_file[file] = Some(id);
        apps[id].files.push(file);
    }
    let mut by_root: HashMap<PathBuf, Vec<AppId>> = HashMap::default();
    for (id, app) in apps.iter_mut().enumerate() {
        app.root = common_dir(app.files.iter().map(|&f| paths[f]));
        by_root.entry(app.root.clone()).or_default().push(id);
    }
    let mut partition = Apps {
        apps,
        of_file,
        by_root,
    };
    // Files whose sites have no known side belong to their `[apps]` entry, else to the
    // app nearest above them, or to one of their own (one per directory): never to an
    // unrelated app.
    for file in (0..paths.len()).filter(|&f| sides[f].sites && !sides[f].any()) {
        let configured = settings
            .app_of_path(paths[file])
            .and_then(|label| settings.app_names().nth(label))
            .and_then(|name| {
                partition
                    .apps
                    .iter()
                    .position(|app| app.name.as_deref() == Some(name))
            });
        let id = match configured.or_else(|| partition.nearest(paths[file]).first().copied()) {
            Some(id) => id,
            None => {
                let dir = paths[file].parent().unwrap_or(paths[file]).to_path_buf();
                partition.apps.push(App {
                    name: None,
                    root: dir.clone(),
                    files: Vec::new(),
                });
                let id = partition.apps.len() - 1;
                partition.by_root.entry(dir).or_default().push(id);
                id
            }
        };
        partition.of_file[file] = Some(id);
        partition.apps[id].files.push(file);
    }
    for app in &mut partition.apps {
        app.files.sort_unstable();
    }
    partition
}

/// A path as bytes in which equal paths are equal bytes, its ancestors found by
/// byte search. A normal path (see `discover::is_normal`; discovery makes almost every
/// path so) is its own bytes; any other is rebuilt from its components, `/` between
/// them, as `Path` compares them (`a/./b` is `a/b`, `a//b/` is `a/b`).
#[derive(Default)]
struct DirKey<'p> {
    bytes: std::borrow::Cow<'p, [u8]>,
    /// How many of the first bytes are the path's root (`/`, or a Windows prefix and
    /// root), which has no parent.
    root_len: usize,
}

impl<'p> DirKey<'p> {
    fn of(path: &'p Path) -> DirKey<'p> {
        use std::path::Component;
        let bytes = path.as_os_str().as_encoded_bytes();
        if crate::discover::is_normal(path) {
            return DirKey {
                bytes: std::borrow::Cow::Borrowed(bytes),
                root_len: usize::from(bytes.starts_with(b"/")),
            };
        }
        let mut bytes: Vec<u8> = Vec::new();
        let mut root_len = 0;
        for component in path.components() {
            if !bytes.is_empty() && bytes != b"/" {
                bytes.push(b'/');
            }
            bytes.extend_from_slice(component.as_os_str().as_encoded_bytes());
            if matches!(component, Component::Prefix(_) | Component::RootDir) {
                root_len = bytes.len();
            }
        }
        DirKey {
            bytes: std::borrow::Cow::Owned(bytes),
            root_len,
        }
    }

    /// As `Path::ancestors`: the path itself, then each parent.
    fn ancestors(&self) -> impl Iterator<Item = &[u8]> {
        std::iter::successors(Some(&*self.bytes), |path| self.parent(path))
    }

    /// `Path::parent` of the path or of one of its ancestors.
    fn parent<'k>(&self, path: &'k [u8]) -> Option<&'k [u8]> {
        if path.len() <= self.root_len {
            return None;
        }
        Some(match memchr::memrchr(b'/', path) {
            // The root of a Unix path.
            Some(0) => &path[..1],
            Some(at) => &path[..at],
            None => b"",
        })
    }

    /// The rest of the path below `dir`, one of its ancestors, as `Path::strip_prefix`.
    fn below(&self, dir: &[u8]) -> Option<&[u8]> {
        let rest = self.bytes.strip_prefix(dir)?;
        match dir {
            b"" | b"/" => Some(rest),
            _ if rest.is_empty() => Some(rest),
            _ => rest.strip_prefix(b"/"),
        }
    }
}

/// The deepest directory that holds every path.
fn common_dir<'p>(mut paths: impl Iterator<Item = &'p Path>) -> PathBuf {
    let Some(first) = paths.next() else {
        return PathBuf::new();
    };
    let mut common = first.parent().unwrap_or(first).to_path_buf();
    for path in paths {
        while !path.starts_with(&common) {
            if !common.pop() {
                return PathBuf::new();
            }
        }
    }
    common
}

/// Union-find over file ids, whose sets may carry an `[apps]` label: two sets with
/// different labels are never joined.
struct UnionFind {
    parent: Vec<FileId>,
    label: Vec<Option<usize>>,
}

impl UnionFind {
    fn new(len: usize) -> UnionFind {
        UnionFind {
            parent: (0..len).collect(),
            label: vec![None; len],
        }
    }

    fn find(&mut self, mut file: FileId) -> FileId {
        while self.parent[file] != file {
            self.parent[file] = self.parent[self.parent[file]];
            file = self.parent[file];
        }
        file
    }

    /// Joins the two sets unless `[apps]` puts them in different apps. The smaller id
    /// stays the root, so the result does not depend on the order of the unions.
    fn union(&mut self, a: FileId, b: FileId) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let label = match (self.label[a], self.label[b]) {
            (Some(x), Some(y)) if x != y => return,
            (x, y) => x.or(y),
        };
        let (root, child) = if a < b { (a, b) } else { (b, a) };
        self.parent[child] = root;
        self.label[root] = label;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dir_keys_compare_and_climb_as_paths_do() {
        let parts = ["", ".", "..", "a", "b.ts"];
        let paths = crate::discover::paths_of_parts(&parts);
        let paths: Vec<String> = (paths.iter())
            .flat_map(|path| [path.clone(), path.trim_start_matches('/').to_owned()])
            .collect();
        for path in &paths {
            let path = Path::new(path);
            let key = DirKey::of(path);
            let as_path = |bytes: &[u8]| Path::new(std::str::from_utf8(bytes).unwrap()).to_owned();
            let ancestors: Vec<PathBuf> = key.ancestors().map(as_path).collect();
            let expected: Vec<PathBuf> = path.ancestors().map(Path::to_path_buf).collect();
            assert_eq!(ancestors, expected, "{path:?}");
            for (dir, expected) in key.ancestors().zip(path.ancestors()) {
                let below = key.below(dir).map(as_path);
                assert_eq!(
                    below.as_deref(),
                    path.strip_prefix(expected).ok(),
                    "{path:?}"
                );
            }
        }
        // Equal keys for equal paths, and only for those.
        for a in paths.iter().take(200) {
            for b in paths.iter().take(200) {
                let (a, b) = (Path::new(a), Path::new(b));
                assert_eq!(
                    DirKey::of(a).bytes == DirKey::of(b).bytes,
                    a == b,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    fn apps(files: &[(&str, bool, bool)], evidence: &[(FileId, FileId)]) -> Vec<Vec<FileId>> {
        let paths: Vec<&Path> = files.iter().map(|(p, _, _)| Path::new(*p)).collect();
        let sides: Vec<FileSides> = files
            .iter()
            .map(|&(_, client, server)| FileSides {
                client,
                server,
                sites: client || server,
            })
            .collect();
        partition(&paths, &sides, evidence, &LinkSettings::default())
            .apps
            .into_iter()
            .map(|app| app.files)
            .collect()
    }

    #[test]
    fn examples_are_apps_of_their_own() {
        let found = apps(
            &[
                ("r/examples/a/client/index.js", true, false),
                ("r/examples/a/server/index.js", false, true),
                ("r/examples/b/client/index.js", true, false),
                ("r/examples/b/server/index.js", false, true),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn a_root_server_does_not_swallow_the_examples() {
        let found = apps(
            &[
                ("r/examples/a/client.js", true, false),
                ("r/examples/a/server.js", false, true),
                ("r/server.js", false, true),
                ("r/web/src/app.ts", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1], vec![2, 3]]);
    }

    #[test]
    fn a_lone_side_joins_the_only_other_side_below_its_scope() {
        // The server serves its own page from `server/public`, so its scope is `server/`;
        // `client/` still talks to it.
        let found = apps(
            &[
                ("r/a/client/app.js", true, false),
                ("r/a/server/index.js", false, true),
                ("r/a/server/public/page.js", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1, 2]]);
    }

    #[test]
    fn a_server_without_clients_stays_alone() {
        let found = apps(
            &[
                ("r/examples/chat/client/index.js", true, false),
                ("r/examples/chat/server/index.js", false, true),
                ("r/examples/push-server/index.js", false, true),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_lone_side_does_not_choose_between_apps() {
        let found = apps(
            &[
                ("r/examples/a/client.js", true, false),
                ("r/examples/a/server.js", false, true),
                ("r/examples/b/client.js", true, false),
                ("r/examples/b/server.js", false, true),
                ("r/tools/client.js", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1], vec![2, 3], vec![4]]);
    }

    #[test]
    fn many_half_apps_under_one_directory_stay_apart() {
        let found = apps(
            &[
                ("r/examples/a/index.js", false, true),
                ("r/examples/b/index.js", false, true),
                ("r/examples/c/client.ts", true, false),
                ("r/examples/d/client.ts", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0], vec![1], vec![2], vec![3]]);
    }

    #[test]
    fn one_client_does_not_choose_between_servers() {
        let found = apps(
            &[
                ("r/packages/a/test/server.ts", false, true),
                ("r/packages/b/lib/server.ts", false, true),
                ("r/packages/c/test/client.ts", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn one_server_for_several_clients_is_one_app() {
        let found = apps(
            &[
                ("r/admin/src/app.ts", true, false),
                ("r/server/index.ts", false, true),
                ("r/web/src/app.ts", true, false),
            ],
            &[],
        );
        assert_eq!(found, [vec![0, 1, 2]]);
    }

    #[test]
    fn evidence_joins_apps() {
        let found = apps(
            &[
                ("r/examples/a/client.js", true, false),
                ("r/examples/a/server.js", false, true),
                ("r/examples/b/client.js", true, false),
                ("r/examples/b/server.js", false, true),
            ],
            &[(0, 3)],
        );
        assert_eq!(found, [vec![0, 1, 2, 3]]);
    }

    #[test]
    fn sites_of_unknown_side_stay_near_home() {
        let paths = [
            Path::new("r/examples/a/client.js"),
            Path::new("r/examples/a/server.js"),
            Path::new("r/examples/a/lib/guess.js"),
            Path::new("r/tools/guess.js"),
        ];
        let side = |client, server| FileSides {
            client,
            server,
            sites: true,
        };
        let sides = [
            side(true, false),
            side(false, true),
            side(false, false),
            side(false, false),
        ];
        let apps = partition(&paths, &sides, &[], &LinkSettings::default());
        assert_eq!(apps.of(2), apps.of(0));
        assert_ne!(apps.of(3), apps.of(0));
        assert_eq!(apps.apps[apps.of(3)].root, Path::new("r/tools"));
    }

    #[test]
    fn common_dirs() {
        let dir = common_dir([Path::new("r/a/b/x.js"), Path::new("r/a/c/y.js")].into_iter());
        assert_eq!(dir, Path::new("r/a"));
        let dir = common_dir([Path::new("x.js")].into_iter());
        assert_eq!(dir, Path::new(""));
    }
}
