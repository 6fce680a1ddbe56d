//! The pre-commit hook: which staged files run it (`.pre-commit-hooks.yaml`), and what
//! `--only-files` reports when one of them is a configuration.

use std::path::Path;
use std::process::Command;

use crate::{wirelint_in, write};
use serde_json::Value;

/// The two clients and the server of the `--only-files` tests, and the configurations a
/// commit may touch.
fn project() -> tempfile::TempDir {
    let dir = crate::only_files::project();
    let root = dir.path();
    write(root, "wirelint.toml", "ignore_events = [\"ping\"]\n");
    write(root, "ci/strict.toml", "ignore_events = []\n");
    write(root, "web/tsconfig.json", "{ \"compilerOptions\": {} }\n");
    write(root, "web/package.json", "{ \"name\": \"web\" }\n");
    write(root, "crates/api/Cargo.toml", "[package]\nname = \"api\"\n");
    write(root, "README.md", "# chat\n");
    dir
}

/// The rule and file of each finding reported, and the exit status.
fn check(dir: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let output = wirelint_in(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let doc: Value = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let found = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["rule"].as_str().unwrap_or(""),
                d["file"].as_str().unwrap_or("")
            )
        })
        .collect();
    (found, output.status.code().unwrap_or(-1))
}

#[test]
fn a_staged_configuration_reports_the_whole_project() {
    let dir = project();
    let everything = [
        "unmatched-handler server/index.ts",
        "unmatched-emit web/a.ts",
        "unmatched-emit web/b.ts",
    ];
    assert_eq!(
        check(dir.path(), &[]),
        (everything.map(String::from).to_vec(), 1)
    );
    for config in [
        "wirelint.toml",
        "web/tsconfig.json",
        "web/package.json",
        "crates/api/Cargo.toml",
    ] {
        let (found, code) = check(dir.path(), &["--only-files", config]);
        assert_eq!(
            (found, code),
            (everything.map(String::from).to_vec(), 1),
            "{config}"
        );
    }
    // Beside a source file, as pre-commit passes a commit that touches both.
    let (found, _) = check(dir.path(), &["--only-files", "web/a.ts", "wirelint.toml"]);
    assert_eq!(found, everything);
    // A configuration under another name counts when it is the one in use.
    let (found, _) = check(
        dir.path(),
        &[
            "--config",
            "ci/strict.toml",
            "--only-files",
            "ci/strict.toml",
        ],
    );
    assert_eq!(found, everything);
    let (found, code) = check(dir.path(), &["--only-files", "ci/strict.toml"]);
    assert_eq!((found.len(), code), (0, 0), "{found:?}");
    // A file that is neither code nor configuration has no findings.
    let (found, code) = check(dir.path(), &["--only-files", "README.md"]);
    assert_eq!((found.len(), code), (0, 0), "{found:?}");
    let (found, _) = check(dir.path(), &["--only-files", "web/a.ts"]);
    assert_eq!(found, ["unmatched-emit web/a.ts"]);
}

/// The `files` pattern of a hook in this YAML text, as pre-commit reads it.
fn files_pattern(yaml: &str) -> String {
    let line = yaml
        .lines()
        .find_map(|line| line.trim().strip_prefix("files: "))
        .expect("the hook has a `files` pattern");
    // A single-quoted YAML scalar: no escapes but `''`.
    line.trim_matches('\'').replace("''", "'")
}

fn hook_files_pattern() -> String {
    files_pattern(&std::fs::read_to_string(".pre-commit-hooks.yaml").expect("read the hooks"))
}

#[test]
fn the_readme_hook_runs_for_the_same_files() {
    let readme = std::fs::read_to_string("README.md").expect("read the README");
    let section = readme
        .split("### pre-commit")
        .nth(1)
        .expect("a pre-commit section");
    assert_eq!(files_pattern(section), hook_files_pattern());
}

#[test]
fn the_hook_runs_for_every_file_wirelint_reads_and_every_configuration() {
    // pre-commit applies `files` with Python's `re.search`: so does this test.
    let Some(python) = which("python3") else {
        eprintln!("skipped: python3 is not installed, the hook's pattern cannot be checked");
        return;
    };
    let candidates = [
        "web/src/chat.ts",
        "web/src/env.d.ts",
        "web/src/App.tsx",
        "web/src/worker.mts",
        "server/legacy.cts",
        "server/index.js",
        "web/src/Chat.jsx",
        "server/main.mjs",
        "server/config.cjs",
        "web/src/Chat.vue",
        "web/src/Chat.svelte",
        "public/index.html",
        "public/old.htm",
        "api/src/main.rs",
        "wirelint.toml",
        "api/Cargo.toml",
        "web/package.json",
        "web/tsconfig.json",
        "tsconfig.base.json",
        "server/jsconfig.json",
        "README.md",
        "web/src/chat.css",
        "Cargo.lock",
        "web/data.json",
        "web/tsconfig.ts",
        "docs/page.md",
        "rust-toolchain.toml",
        ".pre-commit-config.yaml",
    ];
    let output = Command::new(python)
        .arg("-c")
        .arg("import re, sys\nfor path in sys.argv[2:]: print(path, bool(re.search(sys.argv[1], path)))")
        .arg(hook_files_pattern())
        .args(candidates)
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{output:?}");
    let expected: String = candidates
        .iter()
        .map(|path| {
            let path_ref = Path::new(path);
            let read = wirelint::discover::classify(path_ref).is_some()
                || wirelint::config::is_project_config(path_ref);
            format!("{path} {}\n", if read { "True" } else { "False" })
        })
        .collect();
    assert_eq!(String::from_utf8_lossy(&output.stdout), expected);
}

/// The program's path when it is on `PATH`.
pub fn which(program: &str) -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            let plain = dir.join(program);
            let exe = dir.join(format!("{program}.exe"));
            [plain, exe]
        })
        .find(|candidate| candidate.is_file())
}
