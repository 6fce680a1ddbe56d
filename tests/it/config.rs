//! `wirelint.toml` end to end: found by walking up, each setting changes what is
//! reported, mistakes are usage errors with their line, `wirelint init`.

use std::path::Path;

use crate::{wirelint_in, write};
use serde_json::Value;

/// A client that emits through wrappers the analysis cannot see into, a file of unknown
/// side, and a server with one handler nobody emits.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/chat.ts",
        "import { getSocket } from \"@acme/realtime\";\n\
         export function send(text: string) {\n  getSocket().emit(\"chat:send\", text);\n}\n\
         export function typing() {\n  useSocket().emit(\"chat:typing\");\n}\n",
    );
    write(
        root,
        "web/main.ts",
        "import { io } from \"socket.io-client\";\nexport const socket = io();\n\
         socket.on(\"news\", (n: number) => console.log(n));\n",
    );
    write(
        root,
        "web/legacy/news.js",
        "// `socket` is a global here: nothing in the file tells its side.\n\
         socket.on(\"news\", (n) => console.log(n));\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"chat:message\", (text) => {});\n  \
         socket.emit(\"news\", 1);\n  socket.emit(\"internal:sync\", 2);\n});\n",
    );
    write(
        root,
        "server/admin.ts",
        "import { getIO } from \"./registry\";\nexport function shout() {\n  getIO().emit(\"shout\");\n}\n",
    );
    dir
}

fn diagnostics(dir: &Path, args: &[&str]) -> (Vec<(String, String, String)>, i32) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = wirelint_in(dir).args(&all).output().expect("runs");
    let doc: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
        panic!(
            "one JSON document; stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let found = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_owned();
            (text("rule"), text("severity"), text("event"))
        })
        .collect();
    (found, output.status.code().unwrap_or(-1))
}

/// The sides `check` puts the sites of a socket it only guesses at on, in a file
/// `web/legacy/probe.js` whose imports do not tell. Such a socket is never drawn by
/// `graph`, but `check` lets its emits reach the handlers of the side it is given: a
/// client handler of "probe:down" and a server handler of "probe:up", both of a known
/// origin, are reached (not `unmatched-handler`) exactly when the guessed emits are on
/// the server and on the client side.
fn guessed_sides(dir: &Path) -> Vec<&'static str> {
    write(
        dir,
        "web/legacy/probe.js",
        "// `socket` is a global here: nothing in the file tells its side.\n\
         socket.emit(\"probe:up\");\nsocket.emit(\"probe:down\");\n",
    );
    write(
        dir,
        "web/probe.ts",
        "import { io } from \"socket.io-client\";\nconst socket = io();\n\
         socket.on(\"probe:down\", () => {});\n",
    );
    write(
        dir,
        "server/probe.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"probe:up\", () => {});\n});\n",
    );
    let (found, _) = diagnostics(dir, &[]);
    let reached = |event: &str| {
        !found
            .iter()
            .any(|(rule, _, e)| rule == "unmatched-handler" && e == event)
    };
    let mut sides = Vec::new();
    if reached("probe:up") {
        sides.push("client");
    }
    if reached("probe:down") {
        sides.push("server");
    }
    sides
}

fn has(found: &[(String, String, String)], rule: &str, severity: &str, event: &str) -> bool {
    found
        .iter()
        .any(|(r, s, e)| r == rule && s == severity && e == event)
}

#[test]
fn without_a_configuration_wrappers_are_invisible() {
    let dir = project();
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(!found.iter().any(|(_, _, e)| e == "chat:send"), "{found:?}");
    assert!(has(&found, "unmatched-handler", "warning", "chat:message"));
    assert!(has(&found, "unmatched-emit", "error", "internal:sync"));
    // A socket only guessed at in a file of unknown side may be either end.
    assert_eq!(guessed_sides(dir.path()), ["client", "server"]);
}

#[test]
fn every_setting_changes_what_is_reported() {
    let dir = project();
    write(
        dir.path(),
        "wirelint.toml",
        "ignore_events = [\"internal:*\"]\nexclude = [\"server/admin.ts\"]\n\n\
         [rules]\nunmatched-handler = \"error\"\nunmatched-emit = \"warning\"\n\n\
         [sides]\nclient = [\"web/**\"]\n\n\
         [sockets]\nclient = [\"getSocket\", \"useSocket\"]\nserver = [\"getIO\"]\n",
    );
    let (found, code) = diagnostics(dir.path(), &[]);
    assert!(
        has(&found, "unmatched-emit", "warning", "chat:send"),
        "{found:?}"
    );
    assert!(has(&found, "unmatched-emit", "warning", "chat:typing"));
    assert!(has(&found, "unmatched-handler", "error", "chat:message"));
    assert_eq!(code, 1, "unmatched-handler is an error now");
    assert!(
        !found.iter().any(|(_, _, e)| e.starts_with("internal:")),
        "ignored events are never reported: {found:?}"
    );
    assert!(
        !found.iter().any(|(_, _, e)| e == "shout"),
        "excluded files are not analysed: {found:?}"
    );

    // `[sides]`: the file whose imports do not tell is on the client only.
    assert_eq!(guessed_sides(dir.path()), ["client"]);
}

#[test]
fn a_server_wrapper_returns_the_server() {
    let dir = project();
    write(
        dir.path(),
        "wirelint.toml",
        "[sockets]\nserver = [\"getIO\"]\n",
    );
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(has(&found, "unmatched-emit", "error", "shout"), "{found:?}");
}

#[test]
fn apps_override_the_partition() {
    let dir = project();
    // Without `[apps]`, web/ and server/ are one app: the server's "chat:message" handler
    // is judged against the client's emits (see the first test).
    write(
        dir.path(),
        "wirelint.toml",
        "[apps]\nweb = [\"web\"]\nbackend = [\"server\"]\n",
    );
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(
        !found.iter().any(|(r, _, _)| r.starts_with("unmatched-")),
        "two apps, one side each: nothing is judged across them: {found:?}"
    );
    let output = wirelint_in(dir.path())
        .args(["graph", "--format", "json"])
        .output()
        .expect("runs");
    let graph: Value = serde_json::from_slice(&output.stdout).expect("json");
    let mut names: Vec<&str> = graph["apps"]
        .as_array()
        .expect("apps")
        .iter()
        .filter_map(|app| app["name"].as_str())
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["backend", "web"]);
}

#[test]
fn config_flag_and_walking_up() {
    let dir = project();
    write(
        dir.path(),
        "wirelint.toml",
        "[rules]\nunmatched-emit = \"off\"\n",
    );
    write(
        dir.path(),
        "other.toml",
        "[rules]\nunmatched-handler = \"off\"\n",
    );
    let (found, _) = diagnostics(&dir.path().join("web"), &[".."]);
    assert!(!found.iter().any(|(r, _, _)| r == "unmatched-emit"));
    // The nearest file above the first path, not the current directory.
    let (found, _) = diagnostics(&std::env::temp_dir(), &[&dir.path().to_string_lossy()]);
    assert!(!found.iter().any(|(r, _, _)| r == "unmatched-emit"));
    let (found, _) = diagnostics(dir.path(), &["--config", "other.toml"]);
    assert!(found.iter().any(|(r, _, _)| r == "unmatched-emit"));
    assert!(!found.iter().any(|(r, _, _)| r == "unmatched-handler"));
}

#[test]
fn mistakes_are_usage_errors_with_their_line() {
    let dir = project();
    let cases = [
        (
            "[rules]\nack-missing = \"error\"\nunmatched-emitt = \"off\"\n",
            "wirelint.toml:3:1: unknown rule `unmatched-emitt` in [rules]; did you mean `unmatched-emit`? valid rules: ack-missing,",
        ),
        (
            "\n[rules]\nunmatched-emit = \"fatal\"\n",
            "wirelint.toml:3:18: unknown variant `fatal`, expected one of `off`, `info`, `warn`, `warning`, `error`",
        ),
        (
            "exclude = [\"dist\"]\nignore = []\n",
            "wirelint.toml:2:1: unknown field `ignore`, expected one of `rules`, `ignore_events`, `sides`, `sockets`, `exclude`",
        ),
        (
            "[sides]\nclient = \"web/**\"\n",
            "wirelint.toml:2:10: invalid type: string \"web/**\", expected a sequence",
        ),
        ("[sides\n", "wirelint.toml:1:"),
    ];
    for (text, expected) in cases {
        write(dir.path(), "wirelint.toml", text);
        let output = wirelint_in(dir.path()).arg("check").output().expect("runs");
        assert_eq!(output.status.code(), Some(2), "{text}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&format!("wirelint: error: {expected}")),
            "{text}\n{stderr}"
        );
    }
}

#[test]
fn init_writes_a_working_file_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = || wirelint_in(dir.path()).arg("init").output().expect("runs");
    assert_eq!(run().status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("wirelint.toml")).expect("written");
    assert!(written.contains("# unmatched-emit = \"error\""));
    let again = run();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("wirelint.toml")).expect("kept"),
        written
    );
    write(
        dir.path(),
        "server/index.ts",
        "import { Server } from \"socket.io\";\nnew Server();\n",
    );
    let check = wirelint_in(dir.path()).arg("check").output().expect("runs");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// A server test that emits an event nothing handles, on purpose.
fn project_with_tests() -> tempfile::TempDir {
    let dir = project();
    write(
        dir.path(),
        "server/test/news.spec.ts",
        "import { io } from \"socket.io-client\";\nconst client = io();\n\
         client.emit(\"news:bogus\");\n",
    );
    write(
        dir.path(),
        "qa/smoke.ts",
        "import { io } from \"socket.io-client\";\nconst client = io();\n\
         client.emit(\"smoke:bogus\");\n",
    );
    dir
}

#[test]
fn test_code_is_info_unless_the_configuration_says_otherwise() {
    let dir = project_with_tests();
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(
        has(&found, "unmatched-emit", "info", "news:bogus"),
        "{found:?}"
    );
    assert!(has(&found, "unmatched-emit", "error", "smoke:bogus"));

    // `[rules]` sets the level a rule starts from; test code still lowers it.
    write(
        dir.path(),
        "wirelint.toml",
        "[rules]\nunmatched-emit = \"warning\"\n",
    );
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(
        has(&found, "unmatched-emit", "info", "news:bogus"),
        "{found:?}"
    );
    assert!(has(&found, "unmatched-emit", "warning", "smoke:bogus"));

    // `as-is` keeps test findings at the rule's level; `paths` replaces the defaults.
    write(
        dir.path(),
        "wirelint.toml",
        "[tests]\nseverity = \"as-is\"\n",
    );
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(
        has(&found, "unmatched-emit", "error", "news:bogus"),
        "{found:?}"
    );
    write(dir.path(), "wirelint.toml", "[tests]\npaths = [\"qa\"]\n");
    let (found, _) = diagnostics(dir.path(), &[]);
    assert!(
        has(&found, "unmatched-emit", "info", "smoke:bogus"),
        "{found:?}"
    );
    assert!(has(&found, "unmatched-emit", "error", "news:bogus"));

    write(dir.path(), "wirelint.toml", "[tests]\nseverity = \"off\"\n");
    let output = wirelint_in(dir.path()).arg("check").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("wirelint.toml:2:12"), "{stderr}");
    assert!(stderr.contains("expected `info` or `as-is`"), "{stderr}");
}

#[test]
fn a_checkout_under_a_test_directory_is_not_all_test_code() {
    let outer = tempfile::tempdir().expect("tempdir");
    let root = outer.path().join("test").join("app");
    write(
        &root,
        "web/main.ts",
        "import { io } from \"socket.io-client\";\nio().emit(\"x:bogus\");\n",
    );
    write(
        &root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nnew Server().on(\"connection\", (s) => s.on(\"y\", () => {}));\n",
    );
    let (found, _) = diagnostics(&root, &[]);
    assert!(
        has(&found, "unmatched-emit", "error", "x:bogus"),
        "{found:?}"
    );
    let (found, _) = diagnostics(outer.path(), &[&root.to_string_lossy()]);
    assert!(
        has(&found, "unmatched-emit", "error", "x:bogus"),
        "{found:?}"
    );
}

/// Copies a fixture into a temporary directory.
fn copy_case(case: &str) -> tempfile::TempDir {
    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("readable").flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(Path::new(case), dir.path());
    dir
}

#[test]
fn uncommenting_the_whole_init_file_changes_nothing() {
    // An exception-only path that misses the ack: a warning of an error rule.
    let dir = copy_case("testdata/ack-not-on-all-paths/fires-await-outside-try");
    let (before, _) = diagnostics(dir.path(), &[]);
    assert!(
        before
            .iter()
            .any(|(rule, severity, _)| rule == "ack-not-on-all-paths" && severity == "warning"),
        "{before:?}"
    );
    let status = wirelint_in(dir.path())
        .arg("init")
        .output()
        .expect("runs")
        .status;
    assert!(status.success());
    let path = dir.path().join("wirelint.toml");
    let text = std::fs::read_to_string(&path).expect("written");
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(setting)
                if setting.split_once(" = ").is_some_and(|(key, _)| {
                    key.chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_')
                }) =>
            {
                format!("{setting}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect();
    assert!(uncommented.contains("\nack-not-on-all-paths = \"error\"\n"));
    assert!(uncommented.contains("\nexclude = []\n"));
    std::fs::write(&path, uncommented).expect("write");
    let (after, code) = diagnostics(dir.path(), &[]);
    assert_ne!(code, 2);
    assert_eq!(after, before);
}

#[test]
fn warn_is_warning_and_one_glob_on_both_sides_is_refused() {
    let dir = project();
    write(
        dir.path(),
        "wirelint.toml",
        "[rules]\nunmatched-emit = \"warn\"\n",
    );
    let (found, code) = diagnostics(dir.path(), &[]);
    assert!(
        found
            .iter()
            .any(|(rule, severity, _)| rule == "unmatched-emit" && severity == "warning"),
        "{found:?}"
    );
    assert_ne!(code, 2);
    write(
        dir.path(),
        "wirelint.toml",
        "[sides]\nclient = [\"web/**\", \"shared\"]\nserver = [\"server/**\", \"./shared/\"]\n",
    );
    let output = wirelint_in(dir.path()).arg("check").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with(
            "wirelint: error: wirelint.toml:3:24: `./shared/` is in both [sides] client and [sides] server"
        ),
        "{stderr}"
    );
}
