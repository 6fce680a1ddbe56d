//! `--only-files` (what pre-commit passes) and the warning limits of CI runs.

use std::path::Path;

use crate::{wirelint_in, write};
use serde_json::Value;

/// Two client files with one unrelated unmatched emit each, and a server.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/socket.ts",
        "import { io } from \"socket.io-client\";\nexport const socket = io();\n",
    );
    write(
        root,
        "web/a.ts",
        "import { socket } from \"./socket\";\nsocket.emit(\"alpha\");\n",
    );
    write(
        root,
        "web/b.ts",
        "import { socket } from \"./socket\";\nsocket.emit(\"bravo\");\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"zulu\", () => {});\n});\n",
    );
    dir
}

fn run(dir: &Path, args: &[&str]) -> (Vec<String>, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = wirelint_in(dir).args(&all).output().expect("runs");
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
fn only_the_named_files_are_reported_but_all_are_analysed() {
    let dir = project();
    let (all, _) = run(dir.path(), &[]);
    assert_eq!(
        all,
        [
            "unmatched-handler server/index.ts",
            "unmatched-emit web/a.ts",
            "unmatched-emit web/b.ts"
        ]
    );
    // Paths as pre-commit passes them, or spelled another way.
    let (found, code) = run(dir.path(), &["--only-files", "web/a.ts"]);
    assert_eq!(found, ["unmatched-emit web/a.ts"]);
    assert_eq!(code, 1);
    let (found, _) = run(
        dir.path(),
        &["--only-files", "./web/b.ts", "server/../web/a.ts"],
    );
    assert_eq!(
        found,
        ["unmatched-emit web/a.ts", "unmatched-emit web/b.ts"]
    );
    // `bravo` is only unmatched because of the server: the socket module alone is clean.
    let (found, code) = run(dir.path(), &["--only-files", "web/socket.ts"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
}

#[test]
fn a_label_in_a_named_file_counts() {
    // The seeded bug's emit is in chat.ts, with a label at the server handler.
    let (found, _) = run(
        Path::new("."),
        &[
            "testdata/chatlite",
            "--only-files",
            "testdata/chatlite/server/src/socket.ts",
        ],
    );
    assert_eq!(
        found,
        ["event-name-mismatch testdata/chatlite/web/src/store/chat.ts"]
    );
    let (found, code) = run(
        Path::new("."),
        &[
            "testdata/chatlite",
            "--only-files",
            "testdata/chatlite/web/src/App.tsx",
        ],
    );
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);
}

#[test]
fn max_warnings_counts_like_eslint() {
    let case = Path::new("testdata/unmatched-handler/fires-server-handler-never-emitted");
    let code = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "compact"];
        args.extend_from_slice(extra);
        let output = wirelint_in(Path::new("."))
            .args(&args)
            .arg(case)
            .output()
            .expect("runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    assert_eq!(code(&[]).0, Some(0));
    assert_eq!(code(&["--max-warnings", "1"]).0, Some(0));
    let (status, stderr) = code(&["--max-warnings", "0"]);
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains("too many warnings (1, --max-warnings 0)"),
        "{stderr}"
    );
    assert_eq!(code(&["--max-warnings", "x"]).0, Some(2));
}
