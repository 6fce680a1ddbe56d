//! `--only-files` (what pre-commit passes) and the warning limits of CI runs.

use std::path::Path;

use crate::{wirelint_in, write};
use serde_json::Value;

/// Two client files with one unrelated unmatched emit each, and a server.
pub(crate) fn project() -> tempfile::TempDir {
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

#[test]
fn only_files_takes_files_and_never_swallows_the_path_to_check() {
    let dir = project();
    let usage = |args: &[&str]| {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        let output = wirelint_in(dir.path()).args(&all).output().expect("runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    // The path to check typed after the files is a directory: an error, not a filter.
    let (code, stderr) = usage(&["--only-files", "web/a.ts", "."]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("`.` is a directory"), "{stderr}");
    let (code, stderr) = usage(&["--only-files", "web/gone.ts"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("`web/gone.ts` given to --only-files does not exist"),
        "{stderr}"
    );
    // After `--`, or before the flag, it is the path to check; the flag may repeat.
    let (found, code) = run(dir.path(), &["--only-files", "web/a.ts", "--", "."]);
    assert_eq!(
        (found, code),
        (vec!["unmatched-emit web/a.ts".to_owned()], 1)
    );
    let (found, _) = run(
        dir.path(),
        &[".", "--only-files", "web/a.ts", "--only-files=web/b.ts"],
    );
    assert_eq!(
        found,
        ["unmatched-emit web/a.ts", "unmatched-emit web/b.ts"]
    );
}

/// Two client files, each with a cleanup that removes every listener: one safe fix
/// in each.
fn two_fixable_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/socket.ts",
        "import { io } from \"socket.io-client\";\nexport const socket = io();\n\
         socket.on(\"note-a\", (n: string) => console.log(n));\n\
         socket.on(\"note-b\", (n: string) => console.log(n));\n",
    );
    for name in ["a", "b"] {
        write(
            root,
            &format!("web/{name}.ts"),
            &format!(
                "import {{ socket }} from \"./socket\";\nexport function mount() {{\n  \
                 const render = (n: string) => console.log(n);\n  socket.on(\"note-{name}\", render);\n  \
                 return () => {{\n    socket.off(\"note-{name}\");\n  }};\n}}\n"
            ),
        );
    }
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.emit(\"note-a\", \"hi\");\n  \
         socket.emit(\"note-b\", \"hi\");\n});\n",
    );
    dir
}

fn fixed(root: &Path, name: &str) -> bool {
    std::fs::read_to_string(root.join(name))
        .expect("read")
        .contains(", render);\n  };")
}

#[test]
fn fix_and_diff_touch_only_the_reported_findings() {
    let dir = two_fixable_files();
    let root = dir.path();
    let diff = wirelint_in(root)
        .args(["check", "--diff", "--only-files", "web/a.ts"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(
        text.contains("a/web/a.ts") && !text.contains("web/b.ts"),
        "{text}"
    );

    let fix = wirelint_in(root)
        .args(["check", "--fix", "--only-files", "web/a.ts"])
        .output()
        .expect("runs");
    assert_eq!(fix.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&fix.stderr).contains("applied 1 fix in 1 file"));
    assert!(fixed(root, "web/a.ts"));
    assert!(!fixed(root, "web/b.ts"), "b.ts is outside --only-files");

    // What the baseline hides is not fixed either.
    let dir = two_fixable_files();
    let root = dir.path();
    let status = wirelint_in(root)
        .args(["check", "--write-baseline", "baseline.json"])
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    let diff = wirelint_in(root)
        .args(["check", "--diff", "--baseline", "baseline.json"])
        .output()
        .expect("runs");
    assert_eq!(diff.status.code(), Some(0));
    assert!(diff.stdout.is_empty());
    let fix = wirelint_in(root)
        .args(["check", "--fix", "--baseline", "baseline.json"])
        .output()
        .expect("runs");
    assert_eq!(fix.status.code(), Some(0));
    assert!(!fixed(root, "web/a.ts") && !fixed(root, "web/b.ts"));
}
