//! `wirelint.toml`: per-rule severities, events consumed outside the repository, path
//! globs for a file's side, socket wrappers the analysis cannot see into, and excluded
//! files. Every key is optional; a mistake is an error that names the file and line.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::catalog::{self, RULES};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::Side;
use crate::link_settings::LinkSettings;

pub const FILE_NAME: &str = "wirelint.toml";

/// Whether a file configures how the whole project is read rather than holding code:
/// `wirelint.toml`, a tsconfig/jsconfig (also one only `extends` names, such as
/// `tsconfig.base.json`), or a package manifest (`package.json` says which Socket.IO
/// version a client speaks; `Cargo.toml` which socketioxide or rust_socketio a crate
/// uses). A change to one can change any finding, so `--only-files` naming one (a
/// pre-commit hook run by a commit that touches it) reports the whole project.
pub fn is_project_config(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    let resolution_config =
        (name.starts_with("tsconfig") || name.starts_with("jsconfig")) && name.ends_with(".json");
    resolution_config || matches!(name, FILE_NAME | "package.json" | "Cargo.toml")
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    ignore_events: Vec<String>,
    #[serde(default)]
    sides: RawSides,
    #[serde(default)]
    sockets: RawSides,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    apps: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    tests: RawTests,
}

/// `[tests]`: where test code is, and what its findings weigh.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTests {
    severity: Option<TestSeverity>,
    /// Replaces [`DEFAULT_TEST_PATHS`].
    paths: Option<Vec<Spanned<String>>>,
}

/// What `[tests] severity` makes of a finding located in test code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
pub enum TestSeverity {
    /// Lowered to `info`: tests emit unknown events and register handlers that must
    /// never fire on purpose.
    #[default]
    #[serde(rename = "info")]
    Info,
    /// Kept at the rule's (or `[rules]`') severity.
    #[serde(rename = "as-is")]
    AsIs,
}

/// Where test code is unless `[tests] paths` says otherwise, relative to the
/// configuration's directory (or to the checked directory without one). Cargo's example
/// targets (`examples/x.rs`, `examples/x/main.rs` of a package, run with
/// `cargo run --example x`) are there too: like tests they are built but never shipped,
/// and they show a library's API with placeholder events no server needs to handle. An
/// example that is a package of its own (`examples/chat/src/main.rs`) is an app.
pub const DEFAULT_TEST_PATHS: &[&str] = &[
    "**/test/**",
    "**/tests/**",
    "**/__tests__/**",
    "**/e2e/**",
    "**/*.test.*",
    "**/*.spec.*",
    "**/examples/*.rs",
    "**/examples/*/main.rs",
];

/// `[sides]` (path globs) and `[sockets]` (function names) share this shape.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSides {
    #[serde(default)]
    client: Vec<Spanned<String>>,
    #[serde(default)]
    server: Vec<Spanned<String>>,
}

/// What `[rules]` sets a rule to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    /// `"warn"` too, as ESLint and oxlint spell it.
    #[serde(alias = "warn")]
    Warning,
    Error,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// The configuration in force for one run; `Config::default()` when there is no file.
#[derive(Debug, Default)]
pub struct Config {
    /// The file it was read from.
    pub file: Option<PathBuf>,
    /// The absolute directory that path globs are relative to: the file's.
    base: PathBuf,
    rules: Vec<(&'static str, Level)>,
    ignore_events: Vec<String>,
    exclude: GlobSet,
    /// `[sides]`, `[sockets]` and `[apps]`: what the linker reads.
    link: LinkSettings,
    /// `[tests]`: the globs of test code (`None`: the defaults) and its severity.
    test_paths: Option<GlobSet>,
    pub test_severity: TestSeverity,
    /// Hash of the file's path and text: everything the configuration was made of.
    fingerprint: u128,
    /// The patterns and names as written, for `--show-settings`.
    written: Written,
}

/// What the file said, as written (globs compile to sets that cannot be shown).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Written {
    exclude: Vec<String>,
    client_paths: Vec<String>,
    server_paths: Vec<String>,
    apps: Vec<(String, Vec<String>)>,
    test_paths: Option<Vec<String>>,
}

/// A configuration that cannot be used: exit status 2, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based line and column, when the mistake is at one place.
    pub at: Option<(u32, u32)>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(
                f,
                "{}:{line}:{column}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The `wirelint.toml` in `start`'s directory or the nearest one above it.
    pub fn find(start: &Path) -> Result<Config, ConfigError> {
        let start = crate::discover::absolute(start);
        let dir = if start.is_file() {
            start.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            start
        };
        for ancestor in dir.ancestors() {
            let candidate = ancestor.join(FILE_NAME);
            if candidate.is_file() {
                // Named as the user would type it in messages: relative when below `.`.
                let cwd = crate::discover::absolute(Path::new("."));
                let shown = candidate.strip_prefix(&cwd).unwrap_or(&candidate);
                return Config::load(shown);
            }
        }
        Ok(Config::default())
    }

    pub fn load(file: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(file).map_err(|e| ConfigError {
            file: file.to_path_buf(),
            at: None,
            message: format!("cannot read the configuration: {e}"),
        })?;
        Config::parse(&text, file)
    }

    /// Parses the text of `file` (which is only named in errors and anchors path globs).
    pub fn parse(text: &str, file: &Path) -> Result<Config, ConfigError> {
        let error = |span: Option<std::ops::Range<usize>>, message: String| ConfigError {
            file: file.to_path_buf(),
            at: span.map(|span| {
                let index = crate::source::LineIndex::new(text);
                index.position(text, span.start as u32)
            }),
            message,
        };
        let raw: RawConfig = toml::from_str(text)
            .map_err(|e| error(e.span(), with_suggestion(e.message().trim())))?;
        let mut rules = Vec::new();
        for (id, level) in raw.rules {
            let Some(rule) = catalog::find(id.get_ref()) else {
                let known = RULES.iter().map(|r| r.id).collect::<Vec<_>>().join(", ");
                let hint = match crate::suggest::closest(id.get_ref(), RULES.iter().map(|r| r.id)) {
                    Some(close) => format!("; did you mean `{close}`?"),
                    None => ";".to_owned(),
                };
                return Err(error(
                    Some(id.span()),
                    format!(
                        "unknown rule `{}` in [rules]{hint} valid rules: {known}",
                        id.get_ref()
                    ),
                ));
            };
            rules.push((rule.id, level));
        }
        // One glob on both sides says nothing about either: it is a copy-paste slip.
        for client in &raw.sides.client {
            let same = |server: &&Spanned<String>| {
                normalize_glob(server.get_ref()) == normalize_glob(client.get_ref())
            };
            if let Some(server) = raw.sides.server.iter().find(same) {
                return Err(error(
                    Some(server.span()),
                    format!(
                        "`{}` is in both [sides] client and [sides] server: a file matching it \
                         would be on both sides; keep it on the side its files run on",
                        server.get_ref()
                    ),
                ));
            }
        }
        let globs = |patterns: &[Spanned<String>], key: &str| {
            let mut set = GlobSetBuilder::new();
            for pattern in patterns {
                let text = normalize_glob(pattern.get_ref());
                // A pattern naming a directory covers the files in it, as in .gitignore.
                for variant in [text.to_owned(), format!("{text}/**")] {
                    let glob = GlobBuilder::new(&variant)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| {
                            error(
                                Some(pattern.span()),
                                format!(
                                    "`{}` in {key} is not a valid glob: {e}",
                                    pattern.get_ref()
                                ),
                            )
                        })?;
                    set.add(glob);
                }
            }
            set.build()
                .map_err(|e| error(None, format!("{key}: cannot compile the globs: {e}")))
        };
        let mut sockets = Vec::new();
        for (names, side) in [
            (&raw.sockets.client, Side::Client),
            (&raw.sockets.server, Side::Server),
        ] {
            for name in names {
                let valid = !name.get_ref().is_empty()
                    && name
                        .get_ref()
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
                if !valid {
                    return Err(error(
                        Some(name.span()),
                        format!(
                            "`{}` in [sockets] {} is not a function name; write the name alone, \
                             e.g. `getSocket` for `getSocket()` or `this.$root.getSocket()`",
                            name.get_ref(),
                            side.as_str()
                        ),
                    ));
                }
                sockets.push((name.get_ref().clone(), side));
            }
        }
        let mut apps = Vec::new();
        for (name, patterns) in &raw.apps {
            apps.push((name.clone(), globs(patterns, &format!("[apps] {name}"))?));
        }
        let base = crate::discover::absolute(file)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        Ok(Config {
            file: Some(file.to_path_buf()),
            base: base.clone(),
            rules,
            ignore_events: raw.ignore_events,
            exclude: globs(&raw.exclude, "exclude")?,
            test_paths: match &raw.tests.paths {
                Some(paths) => Some(globs(paths, "[tests] paths")?),
                None => None,
            },
            test_severity: raw.tests.severity.unwrap_or_default(),
            link: LinkSettings {
                base,
                client_paths: globs(&raw.sides.client, "[sides] client")?,
                server_paths: globs(&raw.sides.server, "[sides] server")?,
                sockets,
                apps,
            },
            written: Written {
                exclude: strings(&raw.exclude),
                client_paths: strings(&raw.sides.client),
                server_paths: strings(&raw.sides.server),
                apps: raw
                    .apps
                    .iter()
                    .map(|(name, patterns)| (name.clone(), strings(patterns)))
                    .collect(),
                test_paths: raw.tests.paths.as_deref().map(strings),
            },
            fingerprint: {
                let mut hasher = xxhash_rust::xxh3::Xxh3::new();
                hasher.update(
                    crate::discover::absolute(file)
                        .as_os_str()
                        .as_encoded_bytes(),
                );
                hasher.update(&[0]);
                hasher.update(text.as_bytes());
                hasher.digest128()
            },
        })
    }

    /// Equal for two configurations read from the same text at the same place, which
    /// therefore check the same way.
    pub fn fingerprint(&self) -> u128 {
        self.fingerprint
    }

    /// The path relative to the configuration's directory, for matching globs.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let path = crate::discover::absolute(path);
        path.strip_prefix(&self.base).ok().map(Path::to_path_buf)
    }

    pub fn is_excluded(&self, path: &Path) -> bool {
        !self.exclude.is_empty()
            && self
                .relative(path)
                .is_some_and(|rel| self.exclude.is_match(rel))
    }

    /// Whether a file is test code: it matches `[tests] paths` (or the defaults),
    /// relative to the configuration's directory, or else to the first of `root_dirs`
    /// (the absolute directories checked, see [`root_dirs`]) that holds it, so that a
    /// checkout under `~/test/` is not all test code.
    pub fn is_test_file(&self, path: &Path, root_dirs: &[PathBuf]) -> bool {
        let by_file = self.file.as_ref().and_then(|_| self.relative(path));
        let relative = by_file.or_else(|| {
            let absolute = crate::discover::absolute(path);
            root_dirs
                .iter()
                .find_map(|dir| absolute.strip_prefix(dir).ok().map(Path::to_path_buf))
        });
        let Some(relative) = relative else {
            return false;
        };
        match &self.test_paths {
            Some(globs) => globs.is_match(&relative),
            None => is_default_test_path(&relative),
        }
    }

    /// What the linker reads: `[sides]`, `[sockets]` and `[apps]`.
    pub fn link_settings(&self) -> &LinkSettings {
        &self.link
    }

    /// Every `[sockets]` name, for the front-ends.
    pub fn socket_wrappers(&self) -> Vec<String> {
        (self.link.sockets.iter())
            .map(|(name, _)| name.clone())
            .collect()
    }

    pub fn ignores_event(&self, event: &str) -> bool {
        self.ignore_events
            .iter()
            .any(|pattern| wildcard_match(pattern, event))
    }

    /// Applies `[rules]` severities and drops the findings about ignored events.
    ///
    /// The configured level replaces the rule's default severity, and caps the findings
    /// the rule itself reports lower by nature (`ack-not-on-all-paths` when only
    /// exceptions skip the ack, an `unmatched-emit` of a guessed name...): `"error"`
    /// leaves those as they are, `"info"` lowers them too. So writing a rule's default
    /// level, as `wirelint init` does in comments, changes nothing.
    pub fn apply(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|d| {
            if d.event.as_deref().is_some_and(|e| self.ignores_event(e)) {
                return false;
            }
            let Some(level) = self
                .rules
                .iter()
                .find(|(id, _)| *id == d.rule)
                .map(|(_, level)| *level)
            else {
                return true;
            };
            let Some(configured) = level.severity() else {
                return false;
            };
            let default = catalog::find(d.rule).map_or(d.severity, |rule| rule.severity);
            d.severity = if d.severity >= default {
                configured
            } else {
                d.severity.min(configured)
            };
            true
        });
    }

    /// The configuration in force, as a `wirelint.toml` would say it, with the file it
    /// came from: what `--show-settings` prints. Every setting is there, defaults too.
    pub fn settings(&self) -> String {
        let list = |items: &[String]| {
            let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
            format!("[{}]", quoted.join(", "))
        };
        let mut out = match &self.file {
            Some(file) => format!("# from {}\n", crate::discover::display_path(file)),
            None => "# no wirelint.toml found: the defaults\n".to_owned(),
        };
        out.push_str(&format!("ignore_events = {}\n", list(&self.ignore_events)));
        out.push_str(&format!("exclude = {}\n", list(&self.written.exclude)));
        out.push_str("\n[rules]\n");
        for rule in RULES {
            let level = self
                .rules
                .iter()
                .find(|(id, _)| *id == rule.id)
                .map_or(rule.severity.as_str(), |(_, level)| level.as_str());
            out.push_str(&format!("{} = \"{level}\"\n", rule.id));
        }
        out.push_str(&format!(
            "\n[sides]\nclient = {}\nserver = {}\n",
            list(&self.written.client_paths),
            list(&self.written.server_paths)
        ));
        let wrappers = |side: Side| {
            let names: Vec<String> = (self.link.sockets.iter())
                .filter(|(_, s)| *s == side)
                .map(|(name, _)| name.clone())
                .collect();
            list(&names)
        };
        out.push_str(&format!(
            "\n[sockets]\nclient = {}\nserver = {}\n",
            wrappers(Side::Client),
            wrappers(Side::Server)
        ));
        out.push_str("\n[apps]\n");
        for (name, patterns) in &self.written.apps {
            out.push_str(&format!("{name:?} = {}\n", list(patterns)));
        }
        let default_paths: Vec<String> =
            DEFAULT_TEST_PATHS.iter().map(|p| (*p).to_owned()).collect();
        out.push_str(&format!(
            "\n[tests]\nseverity = \"{}\"\npaths = {}\n",
            match self.test_severity {
                TestSeverity::Info => "info",
                TestSeverity::AsIs => "as-is",
            },
            list(self.written.test_paths.as_deref().unwrap_or(&default_paths))
        ));
        out
    }
}

/// A glob as matched: `./web/`, `/web` and `web` are one pattern.
fn normalize_glob(pattern: &str) -> &str {
    pattern
        .trim_start_matches("./")
        .trim_start_matches('/')
        .trim_end_matches('/')
}

fn strings(items: &[Spanned<String>]) -> Vec<String> {
    items.iter().map(|item| item.get_ref().clone()).collect()
}

/// toml's "unknown field `x`, expected one of `a`, `b`" with "did you mean `a`?" added.
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_owned();
    };
    let Some((typed, expected)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let choices = expected.split('`').skip(1).step_by(2);
    match crate::suggest::closest(typed, choices) {
        Some(choice) => format!("{message}; did you mean `{choice}`?"),
        None => message.to_owned(),
    }
}

/// The absolute directories of the paths given to check (a file's own directory).
pub fn root_dirs(roots: &[PathBuf]) -> Vec<PathBuf> {
    roots
        .iter()
        .map(|root| {
            let root = crate::discover::absolute(root);
            match root.is_file() {
                true => root.parent().map(Path::to_path_buf).unwrap_or_default(),
                false => root,
            }
        })
        .collect()
}

/// Whether a relative path matches one of [`DEFAULT_TEST_PATHS`]: their globs
/// matched by hand on the parts of the path between `/`, as globset matches them.
/// Compiling the globs cost more than all the matching a run does.
#[cfg(unix)]
fn is_default_test_path(relative: &Path) -> bool {
    let parts: Vec<&[u8]> = (relative.as_os_str().as_encoded_bytes())
        .split(|&b| b == b'/')
        .collect();
    let Some((name, dirs)) = parts.split_last() else {
        return false;
    };
    let has = |text: &[u8], needle: &[u8]| text.windows(needle.len()).any(|w| w == needle);
    // `**/test/**`, `**/tests/**`, `**/__tests__/**`, `**/e2e/**`: a directory part.
    (dirs.iter()).any(|dir| matches!(*dir, b"test" | b"tests" | b"__tests__" | b"e2e"))
        // `**/*.test.*`, `**/*.spec.*`: in the name.
        || has(name, b".test.")
        || has(name, b".spec.")
        // `**/examples/*.rs`
        || (dirs.last() == Some(&b"examples".as_slice()) && name.ends_with(b".rs"))
        // `**/examples/*/main.rs`
        || (*name == b"main.rs"
            && dirs.len() >= 2
            && dirs[dirs.len() - 2] == b"examples")
}

#[cfg(not(unix))]
fn is_default_test_path(relative: &Path) -> bool {
    default_test_globs().is_match(relative)
}

/// [`DEFAULT_TEST_PATHS`], compiled once.
#[cfg_attr(all(unix, not(test)), allow(dead_code))]
fn default_test_globs() -> &'static GlobSet {
    static GLOBS: std::sync::OnceLock<GlobSet> = std::sync::OnceLock::new();
    GLOBS.get_or_init(|| {
        let mut set = GlobSetBuilder::new();
        for pattern in DEFAULT_TEST_PATHS {
            if let Ok(glob) = GlobBuilder::new(pattern).literal_separator(true).build() {
                set.add(glob);
            }
        }
        set.build().unwrap_or_else(|_| GlobSet::empty())
    })
}

/// `*` matches any run of characters (`:` and `/` included); everything else is literal.
fn wildcard_match(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split('*');
    let Some(first) = parts.next() else {
        return text.is_empty();
    };
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&str> = parts.collect();
    let Some((last, middle)) = parts.split_last() else {
        return rest.is_empty();
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// The commented file `wirelint init` writes: every setting at its default, commented
/// out, so that uncommenting any line changes nothing. Examples are in the prose.
pub fn default_file() -> String {
    let mut rules = String::new();
    for rule in RULES {
        rules.push_str(&format!("# {} = \"{}\"\n", rule.id, rule.severity.as_str()));
    }
    format!(
        r#"# wirelint configuration. Every setting is optional, and each commented line is its
# default: uncomment one and change its value. Path globs are relative to this file;
# `**` crosses directories.

# Events that something outside this repository emits or handles (a mobile app, another
# service): never reported. `*` matches any run of characters, e.g. ["ping", "internal:*"].
# ignore_events = []

# Files never analysed, e.g. ["legacy/**", "**/*.generated.ts"].
# exclude = []

# Severity per rule: "off", "info", "warning" (or "warn") or "error". Some rules report
# a finding lower by nature (`ack-not-on-all-paths` is a warning when only exceptions
# skip the ack); the level set here is the rule's highest, and lowers those findings
# only when it is lower than theirs.
[rules]
{rules}
# Which end of the connection files run on, for files whose imports do not tell: for
# example ["web/**"] as client and ["server/**"] as server.
[sides]
# client = []
# server = []

# Functions and hooks that return a socket the analysis cannot see into: for example
# ["getSocket", "useSocket"] as client (they return a socket.io-client socket) and
# ["getIO"] as server (it returns the socket.io Server).
[sockets]
# client = []
# server = []

# Which files form one app, when the directory layout does not tell (see "Apps" in the
# README), by name: for example `chat = ["web/**", "server/**"]`. Files of two apps are never
# matched with each other. None by default.
[apps]

# Test code still pairs with the app (its emits and handlers count), but its own
# findings are "info": tests emit unknown events and register handlers that must never
# fire on purpose. `severity = "as-is"` keeps them at the rule's severity. `paths`
# replaces the default globs (Rust `#[cfg(test)]` modules and `#[test]` functions are
# test code wherever they are).
[tests]
# severity = "info"
# paths = [{test_paths}]
"#,
        test_paths = DEFAULT_TEST_PATHS
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_test_paths_are_matched_as_their_globs() {
        let parts = [
            "",
            "test",
            "tests",
            "__tests__",
            "e2e",
            "examples",
            "testx",
            "a",
            "main.rs",
            "x.rs",
            ".rs",
            "a.test.js",
            ".test.",
            "b.spec.ts",
            "x.test",
            "spec.ts",
        ];
        let paths = crate::discover::paths_of_parts(&parts);
        for path in &paths {
            for path in [path.as_str(), path.trim_start_matches('/')] {
                let path = Path::new(path);
                assert_eq!(
                    is_default_test_path(path),
                    default_test_globs().is_match(path),
                    "{path:?}"
                );
            }
        }
    }

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("/repo/wirelint.toml"))
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match("ping", "ping"));
        assert!(!wildcard_match("ping", "ping2"));
        assert!(wildcard_match("internal:*", "internal:sync"));
        assert!(wildcard_match("internal:*", "internal:"));
        assert!(!wildcard_match("internal:*", "external:sync"));
        assert!(wildcard_match("*:typing", "chat:room/1:typing"));
        assert!(wildcard_match("a*b*c", "abc"));
        assert!(!wildcard_match("a*b*c", "acb"));
        assert!(!wildcard_match("ab*ba", "aba"));
        assert!(wildcard_match("*", ""));
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let config = parse(&default_file()).expect("valid");
        assert!(config.rules.is_empty());
        assert!(config.link.sockets.is_empty());
        assert!(!config.is_excluded(Path::new("/repo/web/a.ts")));
    }

    /// The settings in force, without the line naming the file.
    fn effective(config: &Config) -> String {
        config
            .settings()
            .lines()
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn uncommenting_any_line_of_the_default_file_changes_nothing() {
        let text = default_file();
        let defaults = effective(&Config::default());
        let mut settings = 0;
        for (number, line) in text.lines().enumerate() {
            // A commented setting, `# key = value`, not prose that quotes one.
            let Some(setting) = line.strip_prefix("# ").filter(|l| {
                l.split_once(" = ").is_some_and(|(key, _)| {
                    key.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                })
            }) else {
                continue;
            };
            let mut lines: Vec<&str> = text.lines().collect();
            lines[number] = setting;
            let config = parse(&lines.join("\n"))
                .unwrap_or_else(|e| panic!("line {}: `{setting}`: {e}", number + 1));
            assert_eq!(
                effective(&config),
                defaults,
                "line {}: `{setting}`",
                number + 1
            );
            settings += 1;
        }
        assert!(settings > RULES.len(), "only {settings} settings found");
    }

    #[test]
    fn a_configured_level_is_the_rules_highest() {
        use crate::facts::Span;
        let finding = |rule: &'static str, severity| Diagnostic {
            rule,
            severity,
            message: String::new(),
            file: 0,
            span: Span::new(0, 1),
            event: None,
            namespace: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        };
        let levels = |text: &str| {
            let mut findings = vec![
                finding("ack-not-on-all-paths", Severity::Error),
                finding("ack-not-on-all-paths", Severity::Warning),
            ];
            parse(text).expect("valid").apply(&mut findings);
            findings.iter().map(|d| d.severity).collect::<Vec<_>>()
        };
        // The default level changes nothing; a higher one never raises a lower finding.
        let natural = [Severity::Error, Severity::Warning];
        assert_eq!(
            levels("[rules]\nack-not-on-all-paths = \"error\"\n"),
            natural
        );
        assert_eq!(
            levels("[rules]\nack-not-on-all-paths = \"warn\"\n"),
            [Severity::Warning, Severity::Warning]
        );
        assert_eq!(
            levels("[rules]\nack-not-on-all-paths = \"info\"\n"),
            [Severity::Info, Severity::Info]
        );
        assert!(levels("[rules]\nack-not-on-all-paths = \"off\"\n").is_empty());
    }

    #[test]
    fn globs_are_relative_to_the_file() {
        let config = parse(
            "exclude = [\"legacy\", \"**/*.gen.ts\"]\n[sides]\nclient = [\"web/**\"]\nserver = [\"./server/\"]\n",
        )
        .expect("valid");
        assert!(config.is_excluded(Path::new("/repo/legacy/old/a.ts")));
        assert!(config.is_excluded(Path::new("/repo/web/x.gen.ts")));
        assert!(!config.is_excluded(Path::new("/repo/web/legacy.ts")));
        assert!(!config.is_excluded(Path::new("/elsewhere/legacy/a.ts")));
        assert_eq!(
            config.link.side_of_path(Path::new("/repo/web/src/a.ts")),
            Some(Side::Client)
        );
        assert_eq!(
            config.link.side_of_path(Path::new("/repo/server/a.ts")),
            Some(Side::Server)
        );
        assert_eq!(
            config.link.side_of_path(Path::new("/repo/shared/a.ts")),
            None
        );
    }

    #[test]
    fn apps_are_globs_by_name() {
        let config =
            parse("[apps]\nchat = [\"web\", \"server/**\"]\nadmin = [\"admin\"]\n").expect("valid");
        assert_eq!(
            config.link.app_names().collect::<Vec<_>>(),
            ["admin", "chat"]
        );
        assert_eq!(
            config.link.app_of_path(Path::new("/repo/web/src/a.ts")),
            Some(1)
        );
        assert_eq!(
            config.link.app_of_path(Path::new("/repo/server/a.ts")),
            Some(1)
        );
        assert_eq!(
            config.link.app_of_path(Path::new("/repo/admin/a.ts")),
            Some(0)
        );
        assert_eq!(
            config.link.app_of_path(Path::new("/repo/shared/a.ts")),
            None
        );
        let error = parse("[apps]\nchat = [\"a/[\"]\n").expect_err("bad glob");
        assert_eq!(error.at, Some((2, 9)));
    }

    #[test]
    fn test_code_by_default_and_by_configuration() {
        let config = Config::default();
        let roots = [PathBuf::from("/repo")];
        for path in [
            "/repo/server/test/a.ts",
            "/repo/tests/it.rs",
            "/repo/web/__tests__/chat.tsx",
            "/repo/e2e/login.ts",
            "/repo/web/chat.test.ts",
            "/repo/web/chat.spec.js",
            "/repo/client/examples/callback.rs",
            "/repo/examples/stream/main.rs",
        ] {
            assert!(config.is_test_file(Path::new(path), &roots), "{path}");
        }
        for path in [
            "/repo/web/chat.ts",
            "/repo/testdata/a.ts",
            "/repo/web/latest.ts",
            "/repo/examples/chat/src/main.rs",
            "/repo/examples/chat/index.js",
        ] {
            assert!(!config.is_test_file(Path::new(path), &roots), "{path}");
        }
        // Relative to the checked directory, not to where it is.
        assert!(!config.is_test_file(
            Path::new("/home/test/repo/web/chat.ts"),
            &[PathBuf::from("/home/test/repo")]
        ));

        let config = parse("[tests]\npaths = [\"qa/**\"]\nseverity = \"as-is\"\n").expect("valid");
        assert!(config.is_test_file(Path::new("/repo/qa/smoke.ts"), &[]));
        assert!(!config.is_test_file(Path::new("/repo/test/a.ts"), &[]));
        assert_eq!(config.test_severity, TestSeverity::AsIs);
    }

    #[test]
    fn errors_name_the_line_and_the_choices() {
        let error = parse("\n[rules]\nack-missing = \"fatal\"\n").expect_err("bad level");
        assert_eq!(error.at, Some((3, 15)));
        assert!(
            error
                .message
                .contains("`off`, `info`, `warn`, `warning`, `error`")
        );

        let error = parse("[rules]\nack-mising = \"off\"\n").expect_err("unknown rule");
        assert_eq!(error.at, Some((2, 1)));
        assert!(error.message.contains("unknown rule `ack-mising`"));
        assert!(
            error
                .message
                .contains("ack-missing, ack-not-answerable, ack-not-on-all-paths")
        );

        let error = parse("ignore_event = []\n").expect_err("unknown key");
        assert_eq!(error.at, Some((1, 1)));
        assert!(
            error.message.ends_with("did you mean `ignore_events`?"),
            "{}",
            error.message
        );
        let error = parse("[rules]\nack-mising = \"off\"\n").expect_err("unknown rule");
        assert!(
            error.message.contains("did you mean `ack-missing`?"),
            "{}",
            error.message
        );
        let error = parse("[tests]\npath = []\n").expect_err("unknown key in a table");
        assert!(
            error.message.ends_with("did you mean `paths`?"),
            "{}",
            error.message
        );

        let error = parse("[sides]\nclient = [\"web/**\"]\nserver = [\"./web/**\"]\n")
            .expect_err("one glob on both sides");
        assert_eq!(error.at, Some((3, 11)));
        assert!(
            error
                .message
                .contains("both [sides] client and [sides] server")
        );

        let error = parse("[sockets]\nclient = [\"getSocket()\"]\n").expect_err("not a name");
        assert_eq!(error.at, Some((2, 11)));

        let error = parse("exclude = [\"a/[\"]\n").expect_err("bad glob");
        assert_eq!(error.at, Some((1, 12)));
        assert_eq!(
            error.to_string().split(": ").next(),
            Some("/repo/wirelint.toml:1:12")
        );
    }

    #[test]
    fn project_configs_are_known_by_name() {
        for name in [
            "wirelint.toml",
            "web/tsconfig.json",
            "tsconfig.base.json",
            "server/jsconfig.json",
            "package.json",
            "crates/server/Cargo.toml",
        ] {
            assert!(is_project_config(Path::new(name)), "{name}");
        }
        for name in [
            "web/chat.ts",
            "README.md",
            "Cargo.lock",
            "tsconfig.ts",
            "config.json",
        ] {
            assert!(!is_project_config(Path::new(name)), "{name}");
        }
    }
}
