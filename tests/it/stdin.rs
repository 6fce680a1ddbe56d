//! `--stdin-filename PATH -`: an editor's unsaved buffer analysed with the rest of the
//! project from disk, reporting that file's findings.

use serde_json::Value;

use crate::wirelint;

const CHAT: &str = "testdata/chatlite/web/src/store/chat.ts";

fn run(stdin: &str, args: &[&str]) -> (String, i32, String) {
    let output = wirelint()
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs");
    (
        String::from_utf8(output.stdout).expect("utf-8"),
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn on_disk() -> String {
    std::fs::read_to_string(CHAT).expect("the sample app")
}

#[test]
fn the_buffer_replaces_the_file_on_disk() {
    // Fixed in the editor, not yet saved: the seeded bug is gone.
    let fixed = on_disk().replace("\"message:new\"", "\"message:create\"");
    let (out, code, stderr) = run(
        &fixed,
        &[
            "check",
            "--format",
            "json",
            "testdata/chatlite",
            "--stdin-filename",
            CHAT,
            "-",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    assert_eq!(doc["diagnostics"], serde_json::json!([]));

    // Broken in the editor at another line: positions are the buffer's.
    let broken = format!("// unsaved\n\n{}", on_disk());
    let (out, code, _) = run(
        &broken,
        &[
            "check",
            "--format",
            "compact",
            "--stdin-filename",
            &format!("./{CHAT}"),
            "testdata/chatlite",
            "-",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with(&format!("{CHAT}:82:3: error [event-name-mismatch]")),
        "{out}"
    );
    assert!(
        out.contains("    testdata/chatlite/server/src/socket.ts:47:5: the server listens"),
        "{out}"
    );
}

#[test]
fn only_the_buffers_findings_are_reported() {
    // A new file that exists only in the editor, and imports the project's socket.
    let buffer = "import { socket } from \"../lib/socket\";\nsocket.emit(\"typo:event\");\n";
    let (out, code, stderr) = run(
        buffer,
        &[
            "check",
            "--format",
            "json",
            "testdata/chatlite",
            "--stdin-filename",
            "testdata/chatlite/web/src/store/draft.ts",
            "-",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let doc: Value = serde_json::from_str(&out).expect("json");
    let found: Vec<(&str, &str)> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or(""),
                d["file"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("unmatched-emit", "testdata/chatlite/web/src/store/draft.ts")],
        "the seeded bug in chat.ts is not this file's"
    );
}

#[test]
fn stdin_mistakes_are_usage_errors() {
    let (_, code, stderr) = run("", &["check", "testdata/chatlite", "-"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--stdin-filename"), "{stderr}");
    let (_, code, stderr) = run(
        "",
        &[
            "check",
            "testdata/chatlite",
            "--stdin-filename",
            "notes.md",
            "-",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        stderr.contains("notes.md: not a file wirelint reads"),
        "{stderr}"
    );
}
