//! The human report's shape (headline, rule page, glyphs, themes, file-level findings)
//! and the machine formats added for CI: `junit`, `gitlab`, `rules --format json`.

use crate::{wirelint, write};
use serde_json::Value;

fn run(args: &[&str], env: &[(&str, &str)]) -> (String, Option<i32>) {
    let mut command = wirelint();
    command.args(args).env("NO_COLOR", "1");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("runs");
    (
        String::from_utf8(output.stdout).expect("utf-8"),
        output.status.code(),
    )
}

#[test]
fn the_headline_names_severity_and_rule_and_each_finding_links_its_page() {
    let (text, code) = run(&["check", "testdata/chatlite"], &[("LANG", "C.UTF-8")]);
    assert_eq!(code, Some(1));
    assert!(
        text.contains("× error[event-name-mismatch]: \"message:new\" is emitted"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "docs: https://github.com/wirelint/wirelint/blob/v{}/rules/event-name-mismatch.md",
            env!("CARGO_PKG_VERSION")
        )),
        "{text}"
    );
    // The other end of the wire is a note of its own, not miette's "Advice:" block.
    assert!(text.contains("☞ the other end of the wire, in"), "{text}");
    assert!(!text.contains("Advice:"), "{text}");
}

#[test]
fn infos_and_notes_have_different_glyphs() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A test file's findings are info; its emit's other end is in the server.
    write(
        dir.path(),
        "server/src/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {\n  socket.on(\"ping:me\", (cb: () => void) => cb());\n});\n",
    );
    write(
        dir.path(),
        "client/test/chat.test.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\nsocket.emit(\"ping:mee\", () => {});\n",
    );
    let (text, _) = run(
        &["check", dir.path().to_str().expect("utf-8 path")],
        &[("LANG", "C.UTF-8")],
    );
    assert!(text.contains("ℹ info["), "{text}");
    assert!(text.contains("☞ the other end of the wire"), "{text}");
}

#[test]
fn a_terminal_that_cannot_draw_boxes_gets_ascii() {
    for env in [
        [("TERM", "dumb"), ("LANG", "C.UTF-8")],
        [("TERM", "xterm"), ("LANG", "C")],
    ] {
        let (text, _) = run(&["check", "testdata/chatlite"], &env);
        assert!(
            !text.contains('╭') && !text.contains('×'),
            "{env:?}: {text}"
        );
        assert!(
            text.contains("x error[event-name-mismatch]"),
            "{env:?}: {text}"
        );
        assert!(text.contains(",-[testdata/chatlite/"), "{env:?}: {text}");
    }
}

#[test]
fn findings_about_a_whole_file_name_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "server/src/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\n",
    );
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 31 % 256) as u8).collect();
    std::fs::write(dir.path().join("server/src/blob.ts"), binary).expect("write");
    std::fs::write(
        dir.path().join("server/src/latin1.ts"),
        b"const s = \"caf\xe9\";\n",
    )
    .expect("write");
    let (text, _) = run(&["check", dir.path().to_str().expect("utf-8 path")], &[]);
    // Each finding ends with its `docs:` line.
    let findings: Vec<&str> = text.split("  docs: ").collect();
    for name in ["blob.ts", "latin1.ts"] {
        assert!(
            findings
                .iter()
                .any(|f| f.contains("error[parse-error]") && f.contains(name)),
            "{name} is not named in its finding: {text}"
        );
    }
    for finding in findings.iter().filter(|f| f.contains("[parse-error]")) {
        assert!(
            finding.contains(".ts"),
            "a finding without its file: {finding}"
        );
    }
}

#[test]
fn compact_is_one_line_per_finding_with_indented_continuations() {
    let (text, _) = run(&["check", "--format", "compact", "testdata"], &[]);
    let (json, _) = run(&["check", "--format", "json", "testdata"], &[]);
    let doc: Value = serde_json::from_str(&json).expect("json");
    let findings = doc["diagnostics"].as_array().expect("diagnostics").len();
    let mut headlines = 0;
    for line in text.lines() {
        if line.starts_with("    ") {
            continue;
        }
        headlines += 1;
        let severity = line.split(": ").nth(1).unwrap_or_default();
        assert!(
            ["error [", "warning [", "info ["]
                .iter()
                .any(|s| severity.starts_with(s)),
            "not `file:line:col: severity [rule] message`: {line}"
        );
    }
    assert_eq!(headlines, findings);
}

#[test]
fn control_characters_in_an_event_name_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "web/a.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\n\
         socket.emit(\"evil\\u001b[2J\\nname\");\n",
    );
    write(
        dir.path(),
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"ok\", () => {});\n});\n",
    );
    let root = dir.path().to_str().expect("UTF-8 temp dir");
    for format in ["compact", "human"] {
        let (text, _) = run(&["check", "--format", format, root], &[]);
        assert!(!text.contains('\u{1b}'), "{format}: {text:?}");
        assert!(text.contains("evil\\u{1b}[2J\\nname"), "{format}: {text}");
    }
    let (text, _) = run(&["check", "--format", "compact", root], &[]);
    assert_eq!(
        text.lines()
            .filter(|line| !line.starts_with("    "))
            .count(),
        2,
        "one line per finding: {text}"
    );
}

#[test]
fn junit_has_one_case_per_finding() {
    let (text, code) = run(&["check", "--format", "junit", "testdata/chatlite"], &[]);
    assert_eq!(code, Some(1));
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wirelint\" tests=\"1\" failures=\"1\">"), "{text}");
    assert!(text.contains("<testcase name=\"wirelint.event-name-mismatch\" classname=\"testdata/chatlite/web/src/store/chat.ts:80:3\">"), "{text}");
    assert!(
        text.contains("<failure message=\"&quot;message:new&quot; is emitted"),
        "{text}"
    );
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.ts", "export const a = 1;\n");
    let (clean, code) = run(
        &[
            "check",
            "--format",
            "junit",
            dir.path().to_str().expect("utf-8 path"),
        ],
        &[],
    );
    assert_eq!(code, Some(0));
    assert!(
        clean.contains("<testcase name=\"wirelint\" classname=\"wirelint\"/>"),
        "{clean}"
    );
}

#[test]
fn gitlab_code_quality_issues_have_unique_fingerprints() {
    let (text, _) = run(&["check", "--format", "gitlab", "testdata"], &[]);
    let issues: Vec<Value> = serde_json::from_str(&text).expect("a JSON array");
    assert!(!issues.is_empty());
    let mut fingerprints = std::collections::HashSet::new();
    for issue in &issues {
        assert!(issue["check_name"].is_string() && issue["description"].is_string());
        assert!(["info", "minor", "major"].contains(&issue["severity"].as_str().unwrap_or("")));
        assert!(
            issue["location"]["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("testdata/"))
        );
        assert!(
            issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1)
        );
        assert!(
            fingerprints.insert(issue["fingerprint"].as_str().unwrap_or("").to_owned()),
            "duplicate fingerprint: {issue}"
        );
    }
}

#[test]
fn rules_as_json_say_which_are_fixable() {
    let (text, code) = run(&["rules", "--format", "json"], &[]);
    assert_eq!(code, Some(0));
    let rules: Vec<Value> = serde_json::from_str(&text).expect("a JSON array");
    assert_eq!(rules.len(), wirelint::catalog::RULES.len());
    let rule = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} listed"))
            .clone()
    };
    assert_eq!(rule("event-name-mismatch")["fixable"], "sometimes");
    assert_eq!(rule("event-name-mismatch")["severity"], "error");
    assert_eq!(rule("parse-error")["fixable"], "none");
    assert!(
        rule("unmatched-emit")["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/rules/unmatched-emit.md"))
    );
}

fn graph_json(path: &str) -> Value {
    let (text, code) = run(&["graph", "--format", "json", path], &[]);
    assert_eq!(code, Some(0));
    serde_json::from_str(&text).expect("json")
}

#[test]
fn graph_separates_directions_and_highlights_unmatched_ends() {
    let graph = graph_json("testdata/chatlite");
    let nodes: Vec<&Value> = graph["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["event"] == "message:new")
        .collect();
    let direction = |n: &Value| format!("{}→{}", n["from"], n["to"]).replace('"', "");
    let directions: Vec<String> = nodes.iter().map(|n| direction(n)).collect();
    assert_eq!(directions, ["client→server", "server→client"], "{nodes:?}");
    // The client's emit is the end nothing answers; the server's is answered.
    assert_eq!(nodes[0]["emits"][0]["unmatched"], true);
    assert!(nodes[1]["emits"][0].get("unmatched").is_none());
    let (mermaid, _) = run(&["graph", "--format", "mermaid", "testdata/chatlite"], &[]);
    assert!(
        mermaid.contains(":::unmatched -->|client emit|"),
        "{mermaid}"
    );
    assert!(mermaid.contains("classDef unmatched"), "{mermaid}");
}

#[test]
fn graph_draws_an_emit_reaching_a_handler_of_another_namespace() {
    // The client's "/team-42" is served by the server's dynamic namespace: `check` pairs
    // them, so the graph connects them.
    let case = "testdata/namespace-mismatch/silent-dynamic-namespace";
    let graph = graph_json(case);
    let emit = graph["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["event"] == "update:post" && e["namespace"] == "/team-42")
        .expect("the client's node");
    assert_eq!(emit["emits"][0]["reaches"], serde_json::json!(["*"]));
    assert!(emit["emits"][0].get("unmatched").is_none());
    let (mermaid, _) = run(&["graph", "--format", "mermaid", case], &[]);
    assert!(mermaid.contains("-.->|may reach|"), "{mermaid}");
    assert!(!mermaid.contains("classDef unmatched"), "{mermaid}");
}

#[test]
fn graph_never_draws_sockets_of_unknown_origin() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"chat:send\", (text: string) => {});\n});\n",
    );
    write(
        dir.path(),
        "client/app.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\n\
         socket.emit(\"chat:send\", \"hi\");\n",
    );
    // Sockets that only look like Socket.IO ones: a global and a parameter of unknown
    // origin, a `net` socket, a WebSocket. `check` reports none of them as a wire.
    write(
        dir.path(),
        "client/relay.js",
        "// `socket` is a global here: nothing tells what it is.\n\
         socket.on(\"data\", (chunk) => {});\nsocket.emit(\"frame\", 1);\n\
         export function relay(clientSocket) {\n  clientSocket.on(\"chunk\", () => {});\n}\n",
    );
    write(
        dir.path(),
        "server/tcp.ts",
        "import net from \"net\";\nconst server = net.createServer((conn) => {\n  conn.on(\"end\", () => {});\n});\n\
         const ws = new WebSocket(\"ws://localhost:9000\");\nws.on(\"message\", () => {});\n",
    );
    let path = dir.path().to_str().expect("utf-8 path");
    let graph = graph_json(path);
    let drawn: Vec<String> = graph["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["event"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(drawn, ["chat:send"], "{graph}");
    for format in ["dot", "mermaid"] {
        let (text, _) = run(&["graph", "--format", format, path], &[]);
        assert!(!text.contains("relay.js"), "{text}");
        assert!(!text.contains("tcp.ts"), "{text}");
    }
}

#[test]
fn a_long_line_is_cut_around_the_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "server/src/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {\n  socket.on(\"room:join\", (room: string) => socket.join(room));\n});\n",
    );
    // One line of 5 000 columns, the emit near its end.
    let padding = "a".repeat(4000);
    write(
        dir.path(),
        "client/src/app.ts",
        &format!(
            "import {{ io }} from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\nconst pad = \"{padding}\"; socket.emit(\"stats:push\", 1); const more = \"{}\";\nsocket.emit(\"room:join\", \"a\");\n",
            "b".repeat(1000)
        ),
    );
    let (text, _) = run(&["check", dir.path().to_str().expect("utf-8 path")], &[]);
    assert!(text.contains("error[unmatched-emit]"), "{text}");
    // The header keeps the file's column; the frame shows the line around it.
    assert!(text.contains("client/src/app.ts:3:4017]"), "{text}");
    assert!(text.contains("…aaaa"), "{text}");
    assert!(text.contains("socket.emit(\"stats:push\", 1)"), "{text}");
    let longest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 300, "a line of {longest} columns: {text}");
}

#[test]
fn files_skipped_as_minified_are_counted_and_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "src/app.ts", "export const a = 1;\n");
    let bundle = format!("var a={};\n", "1,".repeat(600)).repeat(40);
    write(dir.path(), "src/vendor.js", &bundle);
    let output = wirelint()
        .args(["check", "--timings"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("skipped as generated for their content (minified, or a bundle in a build-output folder): 1 file\n"),
        "{stderr}"
    );
    assert!(stderr.contains("src/vendor.js"), "{stderr}");
    assert!(!stderr.contains("for their name"), "{stderr}");
}

#[test]
fn files_skipped_for_their_name_are_counted_and_named_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "src/app.ts", "export const a = 1;\n");
    write(dir.path(), "public/js/jquery.min.js", "var a=1;\n");
    write(dir.path(), "public/js/app.bundle.js", "var b=2;\n");
    write(dir.path(), "public/js/esm.min.mjs", "export {};\n");
    let bundle = format!("var a={};\n", "1,".repeat(600)).repeat(40);
    write(dir.path(), "src/vendor.js", &bundle);
    let output = wirelint()
        .args(["check", "--timings"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let by_name =
        "  skipped as minified for their name (*.min.js, *.min.mjs, *.bundle.js): 3 files\n";
    let by_content = "  skipped as generated for their content (minified, or a bundle in a build-output folder): 1 file\n";
    let (Some(name_at), Some(content_at)) = (stderr.find(by_name), stderr.find(by_content)) else {
        panic!("both kinds, counted apart: {stderr}");
    };
    let listed = &stderr[name_at + by_name.len()..content_at];
    let names: Vec<&str> = listed.lines().map(str::trim).collect();
    let expected: Vec<String> = ["app.bundle.js", "esm.min.mjs", "jquery.min.js"]
        .iter()
        .map(|name| {
            dir.path()
                .join("public/js")
                .join(name)
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, expected, "{stderr}");
    assert!(stderr[content_at..].contains("src/vendor.js"), "{stderr}");
    // A file named on the command line and skipped for its name is named too.
    let output = wirelint()
        .args(["check", "--timings"])
        .arg(dir.path().join("src/app.ts"))
        .arg(dir.path().join("public/js/jquery.min.js"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "skipped as minified for their name (*.min.js, *.min.mjs, *.bundle.js): 1 file\n"
        ),
        "{stderr}"
    );
}

/// A project with `wirelint.toml` at its root: a client with a misspelt emit in `web/`,
/// a server in `server/` with a finding of its own.
fn project_with_config() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "wirelint.toml", "ignore_events = []\n");
    write(
        dir.path(),
        "web/src/chat.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\nsocket.emit(\"chat:sned\", \"hi\");\n",
    );
    write(
        dir.path(),
        "server/src/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {\n  socket.on(\"chat:send\", (text: string) => console.log(text));\n  socket.emit(\"server:hello\", 1);\n});\n",
    );
    dir
}

#[test]
fn a_subfolder_is_checked_with_the_rest_of_its_project() {
    let dir = project_with_config();
    let output = wirelint()
        .current_dir(dir.path())
        .args(["check", "--format", "compact", "web"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    // The emit is matched against the server, which is outside the path given...
    assert!(
        text.contains("web/src/chat.ts:3:1: error [event-name-mismatch]"),
        "{text}"
    );
    // ...and only what is under the path given is reported.
    assert!(!text.contains("server:hello"), "{text}");
    assert_eq!(output.status.code(), Some(1));
    // From inside the subfolder too.
    let output = wirelint()
        .current_dir(dir.path().join("web"))
        .args(["check", "--format", "compact"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[event-name-mismatch]"), "{text}");
    assert!(!text.contains("server:hello"), "{text}");
    // Paths are shown from the current directory, not through the project's root.
    assert!(
        text.starts_with("src/chat.ts:3:1: error [event-name-mismatch]"),
        "{text}"
    );
    assert!(text.contains("    ../server/src/index.ts:4:3: "), "{text}");
}

#[test]
fn one_side_of_the_wire_only_is_a_note() {
    let dir = project_with_config();
    std::fs::remove_file(dir.path().join("wirelint.toml")).expect("rm");
    let output = wirelint()
        .current_dir(dir.path())
        .args(["check", "web"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("note: only client-side code was found, so its events could not be matched"),
        "{stderr}"
    );
}

#[test]
fn the_partial_view_note_is_printed_again_when_the_findings_are_reused() {
    let dir = project_with_config();
    std::fs::remove_file(dir.path().join("wirelint.toml")).expect("rm");
    let cache = tempfile::tempdir().expect("tempdir");
    let note = "note: only client-side code was found, so its events could not be matched";
    let run = || {
        let output = wirelint()
            .current_dir(dir.path())
            .env_remove("WIRELINT_NO_CACHE")
            .arg("check")
            .arg("--timings")
            .arg("--cache-dir")
            .arg(cache.path())
            .arg("web")
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let cold = run();
    assert!(cold.contains(note), "{cold}");
    let warm = run();
    assert!(
        warm.contains("the last run's findings reused"),
        "the second run reuses the findings: {warm}"
    );
    assert!(warm.contains(note), "{warm}");
    // With no Socket.IO usage at all, the same.
    let plain = tempfile::tempdir().expect("tempdir");
    write(plain.path(), "a.ts", "export const a = 1;\n");
    let run = || {
        let output = wirelint()
            .env_remove("WIRELINT_NO_CACHE")
            .args(["check", "--cache-dir"])
            .arg(cache.path())
            .arg(plain.path())
            .output()
            .expect("runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert!(run().contains("note: no Socket.IO usage found in 1 file"));
    assert!(run().contains("note: no Socket.IO usage found in 1 file"));
}

#[test]
fn nothing_to_check_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("empty")).expect("mkdir");
    write(dir.path(), "empty/notes.md", "# notes\n");
    let output = wirelint()
        .arg("check")
        .arg(dir.path().join("empty"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2), "as ESLint: no file matched");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no source files in"), "{stderr}");

    write(dir.path(), "plain/a.ts", "export const a = 1;\n");
    let output = wirelint()
        .arg("check")
        .arg(dir.path().join("plain"))
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no Socket.IO usage found in 1 file"),
        "{stderr}"
    );
}

#[test]
fn sites_whose_names_are_all_computed_are_socketio_usage() {
    // The event enum is out of reach (a dangling symlink in the real app this comes
    // from): no event has a name, but the handlers are there, and their findings are.
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "server.ts",
        "import { Server } from \"socket.io\";\nimport { Events } from \"./shared/events\";\nconst io = new Server();\nio.on(\"connection\", (socket) => {\n  socket.on(Events.Join, () => {});\n});\n",
    );
    let output = wirelint()
        .args(["check", "--no-cache"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("no Socket.IO usage"), "{stderr}");
    assert!(
        stderr.contains("only server-side code was found"),
        "{stderr}"
    );
}

/// The human report on a terminal, through `script` (util-linux), which runs the binary
/// on a pseudo-terminal: `None` where there is no such `script`.
fn on_a_terminal(columns: &str) -> Option<String> {
    let binary = env!("CARGO_BIN_EXE_wirelint");
    let command = format!("{binary} check --no-cache testdata/chatlite");
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("COLUMNS", columns)
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("WIRELINT_CACHE_DIR")
        .stdin(std::process::Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout).replace('\r', "");
    // A `script` that is not util-linux's (BSD's takes other flags) prints no report.
    text.contains("event-name-mismatch").then_some(text)
}

#[test]
fn on_a_terminal_the_report_is_as_wide_as_columns() {
    let Some(narrow) = on_a_terminal("60") else {
        eprintln!("skipped: no util-linux `script` to run the binary on a terminal");
        return;
    };
    let width = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    // Code lines are cut, not wrapped: the prose (headline, help) is what wraps.
    let headline = narrow
        .lines()
        .find(|l| l.contains("error[event-name-mismatch]"))
        .unwrap_or_default();
    assert!(headline.chars().count() <= 60, "{narrow}");
    let wide = on_a_terminal("200").unwrap_or_default();
    let wide_headline = wide
        .lines()
        .find(|l| l.contains("error[event-name-mismatch]"))
        .unwrap_or_default();
    assert!(wide_headline.chars().count() > 110, "{wide}");
    assert!(width(&wide) > width(&narrow), "{wide}");
}
