//! The flags users of ruff and ESLint type without thinking (`--quiet`, `-o`,
//! `--color`, `--exit-zero`, `--statistics`, `--select`/`--ignore`, `--show-settings`,
//! `--watch`, `--threads`) and ruff's fix hints.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use crate::{wirelint, wirelint_in, write};

const CHATLITE: &str = "testdata/chatlite";

fn run(args: &[&str]) -> (String, String, i32) {
    let output = wirelint().args(args).output().expect("runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        output.status.code().unwrap_or(-1),
    )
}

/// A project with an `unmatched-handler` warning (server) and an `unmatched-emit` error
/// (client) whose names are not a typo of each other: two findings of two rules.
fn two_rules_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "web/chat.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\n\
         socket.emit(\"message:new\", \"hi\");\n",
    );
    write(
        dir.path(),
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"presence:update\", () => {});\n});\n",
    );
    dir
}

fn rules_in(compact: &str) -> Vec<String> {
    compact
        .lines()
        .filter_map(|line| {
            let start = line.find(" [")? + 2;
            let end = start + line[start..].find(']')?;
            Some(line[start..end].to_owned())
        })
        .collect()
}

#[test]
fn quiet_reports_errors_only() {
    let project = two_rules_project();
    let project = project.path().to_str().expect("UTF-8 temp dir");
    let (all, _, _) = run(&["check", "--format", "compact", project]);
    assert_eq!(rules_in(&all), ["unmatched-handler", "unmatched-emit"]);
    let (quiet, _, code) = run(&["check", "--format", "compact", "--quiet", project]);
    assert_eq!(rules_in(&quiet), ["unmatched-emit"]);
    assert_eq!(code, 1);
}

#[test]
fn output_file_takes_the_report_instead_of_stdout() {
    let project = two_rules_project();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.json");
    let output = wirelint()
        .args(["check", "--format", "json", "-o"])
        .arg(&file)
        .arg(project.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "the exit status is the same");
    assert!(output.stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("written")).expect("JSON");
    assert_eq!(report["diagnostics"].as_array().map(Vec::len), Some(2));
}

#[test]
fn color_follows_the_flag_then_the_environment() {
    let colored = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = wirelint();
        command.args(["check"]).args(args).arg(CHATLITE);
        command.env_remove("NO_COLOR").env_remove("FORCE_COLOR");
        command.env_remove("CLICOLOR_FORCE");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().expect("runs");
        output.stdout.contains(&0x1b)
    };
    // Not a terminal: plain, unless asked.
    assert!(!colored(&[], &[]));
    assert!(colored(&["--color", "always"], &[]));
    assert!(colored(&[], &[("FORCE_COLOR", "1")]));
    assert!(colored(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colored(&[], &[("FORCE_COLOR", "0")]));
    assert!(!colored(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]));
    assert!(!colored(&["--color", "never"], &[("FORCE_COLOR", "1")]));
    assert!(colored(&["--color", "always"], &[("NO_COLOR", "1")]));
}

#[test]
fn exit_zero_reports_but_succeeds() {
    let project = two_rules_project();
    let project = project.path().to_str().expect("UTF-8 temp dir");
    let (out, _, code) = run(&["check", "--format", "compact", "--exit-zero", project]);
    assert_eq!(code, 0);
    assert_eq!(rules_in(&out).len(), 2);
    // A usage error still fails.
    let (_, _, code) = run(&["check", "--exit-zero", "no/such/dir"]);
    assert_eq!(code, 2);
}

#[test]
fn statistics_count_findings_per_rule() {
    let (out, _, code) = run(&["check", "--statistics", CHATLITE]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "    1  event-name-mismatch           error\n\
         1 finding in total, 0 fixable with `--fix`\n"
    );
    let (out, _, _) = run(&["check", "--statistics", "--unsafe-fixes", CHATLITE]);
    assert!(
        out.contains("event-name-mismatch           error     [*] 1 fixable"),
        "{out}"
    );
}

#[test]
fn select_and_ignore_take_rule_ids() {
    let project = two_rules_project();
    let project = project.path().to_str().expect("UTF-8 temp dir");
    let compact = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "compact"];
        args.extend_from_slice(extra);
        args.push(project);
        let (out, _, code) = run(&args);
        (rules_in(&out), code)
    };
    assert_eq!(
        compact(&["--select", "unmatched-handler"]),
        (vec!["unmatched-handler".to_owned()], 0)
    );
    assert_eq!(
        compact(&[
            "--select",
            "unmatched-emit,unmatched-handler",
            "--ignore",
            "unmatched-emit"
        ]),
        (vec!["unmatched-handler".to_owned()], 0)
    );
    assert_eq!(
        compact(&[
            "--ignore",
            "unmatched-handler",
            "--ignore",
            "unmatched-emit"
        ])
        .0
        .len(),
        0
    );
    let (_, stderr, code) = run(&["check", "--select", "unmatched-emt", CHATLITE]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `unmatched-emit`?"),
        "{stderr}"
    );
}

#[test]
fn show_settings_prints_the_configuration_in_force_and_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "wirelint.toml",
        "ignore_events = [\"ping\"]\n[rules]\nunmatched-handler = \"off\"\n",
    );
    let output = wirelint_in(dir.path())
        .args(["check", "--show-settings"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("# from wirelint.toml\n"), "{text}");
    assert!(text.contains("ignore_events = [\"ping\"]\n"), "{text}");
    assert!(text.contains("unmatched-handler = \"off\"\n"), "{text}");
    assert!(
        text.contains("ack-missing = \"error\"\n"),
        "the defaults too: {text}"
    );
    assert!(text.contains("[tests]\nseverity = \"info\"\n"), "{text}");
    // What it prints is a configuration that reads back the same.
    write(dir.path(), "wirelint.toml", &text);
    let again = wirelint_in(dir.path())
        .args(["check", "--show-settings"])
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&again.stdout), text);
}

#[test]
fn threads_sets_the_worker_count() {
    let (one, stderr, _) = run(&[
        "check",
        "--format",
        "json",
        "--timings",
        "--threads",
        "1",
        CHATLITE,
    ]);
    assert!(stderr.contains("(1 threads)"), "{stderr}");
    let (two, stderr, _) = run(&[
        "check",
        "--format",
        "json",
        "--timings",
        "--threads",
        "2",
        CHATLITE,
    ]);
    assert!(stderr.contains("(2 threads)"), "{stderr}");
    assert_eq!(one, two);
}

#[test]
fn watch_checks_again_when_a_file_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/a.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\nsocket.emit(\"alpha\");\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"alpha\", () => {});\n});\n",
    );
    let (stdout, code) = watch_twice(root, || {
        write(
            root,
            "web/a.ts",
            "import { io } from \"socket.io-client\";\nconst socket = io();\nsocket.emit(\"alpha\");\nsocket.emit(\"bravo\");\n",
        );
    });
    assert_eq!(rules_in(&stdout), ["unmatched-emit"], "{stdout}");
    assert!(stdout.contains("\"bravo\""), "{stdout}");
    assert_eq!(code, Some(1), "the last check's status");
}

#[test]
fn watch_waits_out_a_configuration_mistake() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "wirelint.toml", "[rules]\nno-such-rule = \"off\"\n");
    write(
        root,
        "web/a.ts",
        "import { io } from \"socket.io-client\";\nio().emit(\"alpha\");\n",
    );
    let (_, code) = watch_twice(root, || {
        write(root, "wirelint.toml", "[rules]\nunmatched-emit = \"off\"\n");
    });
    assert_eq!(code, Some(0), "the corrected configuration is checked");
}

/// Runs `check --watch` in `root` for two checks, with `change` made once the first
/// is done; returns what it printed and its exit status.
fn watch_twice(root: &Path, change: impl FnOnce()) -> (String, Option<i32>) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("wirelint"))
        .current_dir(root)
        .args(["check", "--watch", "--format", "compact"])
        .env("WIRELINT_WATCH_CYCLES", "2")
        .env("WIRELINT_CACHE_DIR", root.join("cache"))
        .env_remove("WIRELINT_NO_CACHE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let stderr = child.stderr.take().expect("piped");
    let mut lines = BufReader::new(stderr).lines();
    let watching = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|line| line.starts_with("wirelint: watching"));
    assert!(watching, "the first check is followed by a watch");
    change();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("no second check within a minute");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let mut stdout = String::new();
    std::io::Read::read_to_string(&mut child.stdout.take().expect("piped"), &mut stdout)
        .expect("reads");
    (stdout, status.code())
}

/// A client whose cleanup removes every listener: a safe fix (pass the handler).
fn off_project(root: &Path) {
    write(
        root,
        "web/socket.ts",
        "import { io } from \"socket.io-client\";\nexport const socket = io();\n\
         socket.on(\"note\", (n: string) => console.log(n));\n",
    );
    write(
        root,
        "web/panel.ts",
        "import { socket } from \"./socket\";\nexport function mount() {\n  \
         const render = (n: string) => console.log(n);\n  socket.on(\"note\", render);\n  \
         return () => {\n    socket.off(\"note\");\n  };\n}\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.emit(\"note\", \"hi\");\n});\n",
    );
}

#[test]
fn fix_hints_as_ruff_gives_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    off_project(dir.path());
    let output = wirelint_in(dir.path()).arg("check").output().expect("runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[listener-removed-globally] [*]: "), "{text}");
    assert!(text.ends_with("[*] 1 fixable with `--fix`\n"), "{text}");

    // A suggestion only: hidden, and said so.
    let (text, _, _) = run(&["check", CHATLITE]);
    assert!(!text.contains("[*]"), "{text}");
    assert!(
        text.ends_with("1 hidden fix can be enabled with `--unsafe-fixes`\n"),
        "{text}"
    );
    let (diff, stderr, code) = run(&["check", "--diff", CHATLITE]);
    assert_eq!((diff.as_str(), code), ("", 0));
    assert!(
        stderr.contains("1 suggested fix is not shown; add --unsafe-fixes to see it"),
        "{stderr}"
    );
    let (_, stderr, _) = run(&["check", "--diff", "--unsafe-fixes", CHATLITE]);
    assert!(!stderr.contains("not shown"), "{stderr}");
}

#[test]
fn fix_with_stdin_prints_the_fixed_buffer_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    off_project(dir.path());
    let panel = dir.path().join("web/panel.ts");
    let on_disk = std::fs::read_to_string(&panel).expect("read");
    // The editor's buffer differs from the disk: a comment was added on top.
    let buffer = format!("// unsaved\n{on_disk}");
    let output = wirelint_in(dir.path())
        .args(["check", "--fix", "--stdin-filename", "web/panel.ts", "-"])
        .write_stdin(buffer.clone())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let fixed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        fixed,
        buffer.replace("socket.off(\"note\");", "socket.off(\"note\", render);")
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no problems"), "{stderr}");
    assert!(
        stderr.contains("applied 1 fix in the buffer of web/panel.ts (printed on stdout)"),
        "the buffer is not a file written: {stderr}"
    );
    assert_eq!(std::fs::read_to_string(&panel).expect("read"), on_disk);
}

#[test]
fn suppressions_unknown_ids_unused_comments_and_blocks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/chat.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\n\
         socket.on(\"chat:message\", (t: string) => console.log(t));\n\
         // wirelint-ignore-next-line unmatched-emit -- stale: the server handles it now\n\
         socket.emit(\"chat:send\", \"hi\");\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  \
         socket.on(\"chat:send\", (t: string) => io.emit(\"chat:message\", t));\n  \
         // wirelint-disable unmatched-handler -- the mobile app emits these\n  \
         socket.on(\"device:a\", () => {});\n  socket.on(\"device:b\", () => {});\n  \
         // wirelint-enable\n  \
         socket.on(\"device:c\", () => {}); // wirelint-ignore-next-line unmatched-handlr\n  \
         socket.on(\"device:d\", () => {});\n});\n",
    );
    let compact = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "compact"];
        args.extend_from_slice(extra);
        let output = wirelint_in(root).args(&args).output().expect("runs");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let plain = compact(&[]);
    // The block hides device:a and device:b, not device:c after the enable; the typo
    // suppresses nothing and is named.
    assert_eq!(
        rules_in(&plain),
        [
            "unmatched-handler",
            "unknown-rule-in-suppression",
            "unmatched-handler"
        ],
        "{plain}"
    );
    assert!(
        plain.contains("did you mean `unmatched-handler`?"),
        "{plain}"
    );
    assert!(
        plain.contains("\"device:c\"") && plain.contains("\"device:d\""),
        "{plain}"
    );
    // The stale comment only with the flag.
    let reported = compact(&["--report-unused-suppressions"]);
    assert!(
        reported.contains("web/chat.ts:4:1: warning [unused-suppression]"),
        "{reported}"
    );
    let output = wirelint_in(root)
        .args(["check", "--fix", "--report-unused-suppressions"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&output.stderr).contains("unused-suppression ×1"));
    let chat = std::fs::read_to_string(root.join("web/chat.ts")).expect("read");
    assert!(!chat.contains("wirelint-ignore"), "{chat}");
    assert!(chat.contains("socket.emit(\"chat:send\", \"hi\");"));
}
