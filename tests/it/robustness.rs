//! Hostile input: nothing in a repository may crash the tool, and one bad file never
//! stops the rest of the project from being checked.

use std::path::Path;

use crate::wirelint;

/// A small correct app plus whatever the test adds, checked by the real binary.
fn check_with(extra: &[(&str, &[u8])]) -> (serde_json::Value, i32) {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(path, bytes).expect("write");
    };
    write(
        "client/app.ts",
        b"import { io } from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\nsocket.emit(\"room:leave\", \"general\");\n",
    );
    write(
        "server/index.ts",
        b"import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {\n  socket.on(\"room:join\", (room: string) => socket.join(room));\n});\n",
    );
    for (name, bytes) in extra {
        write(name, bytes);
    }
    let output = wirelint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let doc =
        serde_json::from_slice(&output.stdout).expect("one JSON document, whatever the input");
    (doc, output.status.code().unwrap_or(-1))
}

fn rules(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter_map(|d| d["rule"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The real finding of the small app is still reported next to whatever was added.
fn assert_rest_checked(doc: &serde_json::Value) {
    assert!(rules(doc).contains(&"unmatched-emit".to_owned()), "{doc:#}");
}

#[test]
fn deeply_nested_code_parses_without_overflowing() {
    let depth = 10_000;
    let nested = format!(
        "export const x = {}1{};\n",
        "(\n".repeat(depth),
        ")\n".repeat(depth)
    );
    let arrays = format!(
        "export const y = {}{};\n",
        "[\n".repeat(depth),
        "]\n".repeat(depth)
    );
    let (doc, code) = check_with(&[
        ("deep/parens.ts", nested.as_bytes()),
        ("deep/arrays.js", arrays.as_bytes()),
    ]);
    assert_eq!(code, 1);
    assert_rest_checked(&doc);
    assert!(!rules(&doc).contains(&"parse-error".to_owned()), "{doc:#}");
}

#[test]
fn a_large_generated_file_is_checked() {
    let line = "export const value_0 = { id: 0, name: \"generated\", tags: [\"a\", \"b\"] };\n";
    let big = line.repeat(4 * 1024 * 1024 / line.len());
    let (doc, _) = check_with(&[("generated/data.ts", big.as_bytes())]);
    assert_rest_checked(&doc);
}

#[test]
fn empty_binary_and_invalid_utf8_files() {
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
    let (doc, code) = check_with(&[
        ("empty.ts", b""),
        ("blob.ts", &binary),
        ("latin1.js", b"const s = \"caf\xe9\";\n"),
    ]);
    assert_eq!(code, 1);
    assert_rest_checked(&doc);
    let messages: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "parse-error")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("binary")));
    assert!(messages.iter().any(|m| m.contains("UTF-8")));
}

#[cfg(unix)]
#[test]
fn a_directory_symlink_loop_is_not_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("a/b")).expect("mkdir");
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/b/loop")).expect("symlink");
    std::fs::write(dir.path().join("a/x.ts"), "export const x = 1;\n").expect("write");
    let output = wirelint()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn syntax_errors_anywhere_leave_the_rest_checked() {
    let (doc, _) = check_with(&[
        ("broken/a.tsx", b"export const A = () => <div>;\n"),
        ("broken/b.ts", b"function (\n"),
        ("broken/c.js", b"}}}}\n"),
    ]);
    assert_rest_checked(&doc);
    assert_eq!(doc["summary"]["parse_errors"], 3);
}

#[test]
fn a_crash_on_one_file_is_reported_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    crate::write(
        dir.path(),
        "client/app.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\nsocket.emit(\"room:leave\");\n",
    );
    crate::write(
        dir.path(),
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (s) => s.on(\"room:join\", () => {}));\n",
    );
    crate::write(dir.path(), "server/crashes.ts", "export const x = 1;\n");
    let output = wirelint()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .env("WIRELINT_TEST_PANIC_ON", "crashes.ts")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "an internal error exits 2");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_rest_checked(&doc);
    let crash = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("internal error"))
        })
        .expect("the crash is reported");
    assert!(
        crash["message"]
            .as_str()
            .is_some_and(|m| m.contains("crashes.ts"))
    );
}
