//! The Socket.IO client version a lockfile resolved, for a package whose `package.json`
//! names no readable range (`"*"`, `"latest"`, a git URL) or none at all (a workspace
//! member whose root holds the lockfile).
//!
//! A light line scan of `package-lock.json` (v1, v2, v3), `yarn.lock` (classic and
//! berry) and `pnpm-lock.yaml` (v5 to v9): lockfiles run to megabytes, and only the
//! `version` of one or two packages matters here, so nothing is parsed as JSON or YAML.

use std::path::Path;

/// The lockfiles read, in the order a directory's are tried.
const LOCKFILES: &[&str] = &["package-lock.json", "yarn.lock", "pnpm-lock.yaml"];

/// The major version of the Socket.IO client locked in `dir`'s lockfile: the version of
/// `socket.io-client`, or else of `socket.io` (whose server serves its own client to
/// pages). `None` without a lockfile, or when it locks several majors of the package
/// and nothing says which one the package's own code gets.
pub fn socketio_major(dir: &Path) -> Option<u32> {
    LOCKFILES.iter().find_map(|name| {
        let text = std::fs::read_to_string(dir.join(name)).ok()?;
        ["socket.io-client", "socket.io"]
            .iter()
            .find_map(|package| locked_major(name, &text, package))
    })
}

/// The major version of `package` that the lockfile `name` with contents `text` locks.
fn locked_major(name: &str, text: &str, package: &str) -> Option<u32> {
    if !text.contains(package) {
        return None;
    }
    let versions = match name {
        "package-lock.json" => npm_versions(text, package),
        "yarn.lock" => yarn_versions(text, package),
        _ => pnpm_versions(text, package),
    };
    single_major(versions)
}

/// The one major of `versions`; `None` when there are none or several.
fn single_major(versions: Vec<(usize, &str)>) -> Option<u32> {
    // The shallowest entries are the ones the project itself depends on (a package of
    // its own `node_modules`, not one nested under a dependency's).
    let depth = versions.iter().map(|(depth, _)| *depth).min()?;
    let mut majors = versions
        .iter()
        .filter(|(at, _)| *at == depth)
        .filter_map(|(_, version)| major_of(version));
    let first = majors.next()?;
    majors.all(|major| major == first).then_some(first)
}

/// The major of a resolved version: `4.7.2`, `2.5.0_hash`.
fn major_of(version: &str) -> Option<u32> {
    let digits = version
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(version.len());
    version[..digits].parse().ok()
}

/// `package-lock.json`: an entry opened by `"node_modules/<package>": {` (v2, v3's
/// `packages` map) or by `"<package>": {` (v1's nested `dependencies`), whose
/// `"version"` follows. The depth is the nesting of `node_modules/` (v2, v3) or the
/// indentation (v1). A `"<package>": "^4"` line is a range in `requires` or
/// `dependencies`, not a resolved version.
fn npm_versions<'t>(text: &'t str, package: &str) -> Vec<(usize, &'t str)> {
    let v1_key = format!("\"{package}\"");
    // A v2 lock holds both forms, which tell the same: the `packages` map wins.
    let mut in_packages_map = Vec::new();
    let mut in_dependencies = Vec::new();
    // While inside an entry of the package: its depth, and which form it is.
    let mut open: Option<(usize, bool)> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some((depth, from_map)) = open {
            if let Some(version) = json_string_value(trimmed, "\"version\"") {
                let found = if from_map {
                    &mut in_packages_map
                } else {
                    &mut in_dependencies
                };
                found.push((depth, version));
                open = None;
            } else if trimmed.starts_with('}') {
                open = None;
            }
            continue;
        }
        let Some(key) = trimmed
            .strip_suffix('{')
            .and_then(|key| key.trim_end().strip_suffix(':'))
            .map(str::trim_end)
        else {
            continue;
        };
        if key == v1_key {
            open = Some((line.len() - line.trim_start().len(), false));
            continue;
        }
        let Some(path) = key.strip_prefix('"').and_then(|key| key.strip_suffix('"')) else {
            continue;
        };
        // `node_modules/socket.io-client`, not `node_modules/x-socket.io-client`.
        if path
            .strip_suffix(package)
            .is_some_and(|before| before.ends_with("node_modules/"))
        {
            open = Some((path.matches("node_modules/").count(), true));
        }
    }
    if in_packages_map.is_empty() {
        in_dependencies
    } else {
        in_packages_map
    }
}

/// The string value of `"key": "value"` on a trimmed line.
fn json_string_value<'t>(line: &'t str, key: &str) -> Option<&'t str> {
    let rest = line.strip_prefix(key)?.trim_start().strip_prefix(':')?;
    let rest = rest.trim_start().strip_prefix('"')?;
    rest.split('"').next()
}

/// `yarn.lock`: an entry whose header names `<package>@<range>` (quoted or not, several
/// ranges comma-separated, berry's `<package>@npm:<range>`), then an indented
/// `version "4.7.2"` (classic) or `version: 4.7.2` (berry). All at depth 0: yarn keeps
/// one entry per resolved version, and the ranges do not say whose they are.
fn yarn_versions<'t>(text: &'t str, package: &str) -> Vec<(usize, &'t str)> {
    let mut versions = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if !line.starts_with([' ', '\t']) {
            open = !line.starts_with('#')
                && line.trim_end().ends_with(':')
                && line.split(',').any(|descriptor| {
                    descriptor
                        .trim()
                        .trim_start_matches('"')
                        .strip_prefix(package)
                        .is_some_and(|rest| rest.starts_with('@'))
                });
            continue;
        }
        if !open {
            continue;
        }
        let trimmed = line.trim();
        if let Some(value) = trimmed.strip_prefix("version") {
            let value = value.trim_start_matches(':').trim().trim_matches('"');
            versions.push((0, value));
            open = false;
        }
    }
    versions
}

/// `pnpm-lock.yaml`: the keys of its `packages` map, `/<package>/4.7.2:` (v5),
/// `/<package>@4.7.2:` (v6) and `<package>@4.7.2:` (v9), possibly quoted and with a
/// peer suffix (`_hash`, `(peer@1.0.0)`).
fn pnpm_versions<'t>(text: &'t str, package: &str) -> Vec<(usize, &'t str)> {
    let mut versions = Vec::new();
    for line in text.lines() {
        let key = line.trim().trim_end_matches(':').trim_matches(['\'', '"']);
        let key = key.strip_prefix('/').unwrap_or(key);
        let Some(rest) = key.strip_prefix(package) else {
            continue;
        };
        if let Some(version) = rest.strip_prefix('@').or_else(|| rest.strip_prefix('/'))
            && version.starts_with(|c: char| c.is_ascii_digit())
        {
            versions.push((0, version));
        }
    }
    versions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn major(name: &str, text: &str) -> Option<u32> {
        ["socket.io-client", "socket.io"]
            .iter()
            .find_map(|package| locked_major(name, text, package))
    }

    #[test]
    fn package_lock_v1_reads_the_top_level_dependency() {
        let lock = r#"{
  "name": "pad",
  "lockfileVersion": 1,
  "dependencies": {
    "engine.io-client": {
      "version": "3.5.3",
      "requires": {
        "socket.io-client": "^4.0.0"
      }
    },
    "some-widget": {
      "version": "1.0.0",
      "dependencies": {
        "socket.io-client": {
          "version": "4.7.2"
        }
      }
    },
    "socket.io-client": {
      "version": "2.5.0",
      "resolved": "https://registry.npmjs.org/socket.io-client/-/socket.io-client-2.5.0.tgz"
    }
  }
}"#;
        assert_eq!(major("package-lock.json", lock), Some(2));
    }

    #[test]
    fn package_lock_v2_and_v3_read_the_packages_map() {
        let lock = r#"{
  "lockfileVersion": 3,
  "packages": {
    "": {
      "dependencies": {
        "socket.io-client": "*"
      }
    },
    "node_modules/x-socket.io-client": {
      "version": "9.0.0"
    },
    "node_modules/widget/node_modules/socket.io-client": {
      "version": "2.5.0"
    },
    "node_modules/socket.io-client": {
      "version": "4.7.5",
      "license": "MIT"
    }
  }
}"#;
        assert_eq!(major("package-lock.json", lock), Some(4));
    }

    #[test]
    fn yarn_classic_and_berry_and_pnpm() {
        let classic = "# yarn lockfile v1\n\n\"socket.io-client@^2.3.0\", socket.io-client@~2.3:\n  version \"2.3.1\"\n  resolved \"https://x\"\n\nsocket.io-parser@~3.3.0:\n  version \"3.3.3\"\n";
        assert_eq!(major("yarn.lock", classic), Some(2));
        let berry = "__metadata:\n  version: 6\n\n\"socket.io-client@npm:latest\":\n  version: 4.7.5\n  resolution: \"socket.io-client@npm:4.7.5\"\n";
        assert_eq!(major("yarn.lock", berry), Some(4));
        let two = "socket.io-client@^2:\n  version \"2.5.0\"\n\nsocket.io-client@^4:\n  version \"4.7.5\"\n";
        assert_eq!(major("yarn.lock", two), None);
        let pnpm5 = "lockfileVersion: 5.4\npackages:\n\n  /socket.io-client/2.5.0:\n    resolution: {integrity: x}\n";
        assert_eq!(major("pnpm-lock.yaml", pnpm5), Some(2));
        let pnpm9 = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      socket.io-client:\n        specifier: '*'\n        version: 4.7.5\npackages:\n  socket.io-client@4.7.5:\n    resolution: {integrity: x}\n";
        assert_eq!(major("pnpm-lock.yaml", pnpm9), Some(4));
        // No client locked: the server's version stands for the client it serves.
        let server = "/socket.io/2.4.1:\n  resolution: {integrity: x}\n";
        assert_eq!(major("pnpm-lock.yaml", server), Some(2));
    }
}
