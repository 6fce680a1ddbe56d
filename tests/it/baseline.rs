//! `--write-baseline` then `--baseline`: known findings stay hidden through unrelated
//! edits, new ones are reported, a bad baseline file is a usage error.

use std::path::Path;

use crate::wirelint_in;
use serde_json::Value;

const CLIENT: &str = "import { io } from \"socket.io-client\";\nconst socket = io();\n\
                      socket.emit(\"alpha\");\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("web")).expect("mkdir");
    std::fs::create_dir_all(root.join("server")).expect("mkdir");
    std::fs::write(root.join("web/a.ts"), CLIENT).expect("write");
    std::fs::write(
        root.join("server/index.ts"),
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"zulu\", () => {});\n});\n",
    )
    .expect("write");
    dir
}

fn check(dir: &Path, args: &[&str]) -> (Vec<String>, i32, String) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = wirelint_in(dir).args(&all).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let found = serde_json::from_slice::<Value>(&output.stdout)
        .map(|doc| {
            doc["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|d| {
                    format!(
                        "{} {}:{}",
                        d["rule"].as_str().unwrap_or(""),
                        d["file"].as_str().unwrap_or(""),
                        d["line"]
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (found, output.status.code().unwrap_or(-1), stderr)
}

#[test]
fn round_trip_survives_unrelated_edits() {
    let dir = project();
    let root = dir.path();
    let (found, code, _) = check(root, &[]);
    assert_eq!(
        found,
        [
            "unmatched-handler server/index.ts:4",
            "unmatched-emit web/a.ts:3"
        ]
    );
    assert_eq!(code, 1);

    let output = wirelint_in(root)
        .args(["check", "--write-baseline", "wirelint-baseline.json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("recorded 2 findings"));
    let written = std::fs::read_to_string(root.join("wirelint-baseline.json")).expect("written");
    let doc: Value = serde_json::from_str(&written).expect("json");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["findings"][1]["rule"], "unmatched-emit");
    assert_eq!(doc["findings"][1]["file"], "web/a.ts");
    assert_eq!(doc["findings"][1]["event"], "alpha");
    assert!(!written.contains("\"line\""), "no line numbers: {written}");

    let (found, code, _) = check(root, &["--baseline", "wirelint-baseline.json"]);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(code, 0);

    // Lines added above the finding, and the call re-indented.
    let edited = CLIENT.replace(
        "socket.emit(\"alpha\");",
        "// a comment\nconsole.log(\"unrelated\");\n\n    socket.emit(\"alpha\");",
    );
    std::fs::write(root.join("web/a.ts"), &edited).expect("write");
    let (found, code, _) = check(root, &["--baseline", "wirelint-baseline.json"]);
    assert!(found.is_empty(), "still hidden after the edit: {found:?}");
    assert_eq!(code, 0);

    // A new bug, and a second copy of the known one, are reported.
    std::fs::write(
        root.join("web/a.ts"),
        format!("{edited}socket.emit(\"bravo\");\nsocket.emit(\"alpha\");\n"),
    )
    .expect("write");
    let (found, code, _) = check(root, &["--baseline", "wirelint-baseline.json"]);
    assert_eq!(
        found,
        ["unmatched-emit web/a.ts:7", "unmatched-emit web/a.ts:8"]
    );
    assert_eq!(code, 1);

    // Entries are relative to the baseline file, not to where wirelint runs.
    let baseline = root.join("wirelint-baseline.json");
    let (found, _, _) = check(
        &std::env::temp_dir(),
        &[
            &root.to_string_lossy(),
            "--baseline",
            &baseline.to_string_lossy(),
        ],
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_missing_or_corrupt_baseline_is_a_usage_error() {
    let dir = project();
    let root = dir.path();
    let (_, code, stderr) = check(root, &["--baseline", "nope.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("cannot read baseline nope.json"),
        "{stderr}"
    );

    std::fs::write(
        root.join("bad.json"),
        "{\"version\": 1, \"findings\": [{}]}",
    )
    .expect("write");
    let (_, code, stderr) = check(root, &["--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.json is not a wirelint baseline: missing field"),
        "{stderr}"
    );

    std::fs::write(root.join("bad.json"), "not json").expect("write");
    let (_, code, stderr) = check(root, &["--baseline", "bad.json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.json is not a wirelint baseline: expected ident at line 1 column 2"),
        "{stderr}"
    );

    let output = wirelint_in(root)
        .args([
            "check",
            "--write-baseline",
            "b.json",
            "--baseline",
            "b.json",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_summary_says_how_many_findings_the_baseline_hid() {
    let dir = project();
    let status = wirelint_in(dir.path())
        .args(["check", "--write-baseline", "wirelint-baseline.json"])
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    let output = wirelint_in(dir.path())
        .args(["check", "--baseline", "wirelint-baseline.json"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("no problems"), "{text}");
    assert!(
        text.ends_with("wirelint: 2 findings hidden by the baseline\n"),
        "{text}"
    );
    // One finding is one finding, when recorded too.
    std::fs::write(
        dir.path().join("wirelint.toml"),
        "[rules]\nunmatched-handler = \"off\"\n",
    )
    .expect("write");
    let output = wirelint_in(dir.path())
        .args(["check", "--write-baseline", "one.json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("wirelint: recorded 1 finding in one.json"),
        "{stderr}"
    );
    std::fs::remove_file(dir.path().join("wirelint.toml")).expect("rm");
    // Without a baseline, no such line.
    let output = wirelint_in(dir.path()).arg("check").output().expect("runs");
    assert!(!String::from_utf8_lossy(&output.stdout).contains("baseline"));
}
