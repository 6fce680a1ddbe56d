//! Hostile input: nothing in a repository may crash the tool, and one bad file never
//! stops the rest of the project from being checked.

use std::path::Path;

use crate::wirelint;

/// A small correct app plus whatever the test adds, checked by the real binary.
fn check_with(extra: &[(&str, &[u8])]) -> (serde_json::Value, i32) {
    let dir = project(extra);
    check(&mut binary(), dir.path())
}

/// The real binary as a plain command, to be wrapped (`setpriv`) or run as it is.
fn binary() -> std::process::Command {
    std::process::Command::new(wirelint().get_program())
}

/// The small app of `check_with` in a new directory, with `extra` files.
fn project(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
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
    dir
}

/// Runs `command check --format json dir`: the JSON report and the exit code.
fn check(command: &mut std::process::Command, dir: &Path) -> (serde_json::Value, i32) {
    check_paths(command, &[dir])
}

fn check_paths(command: &mut std::process::Command, paths: &[&Path]) -> (serde_json::Value, i32) {
    let output = command
        .args(["check", "--format", "json"])
        .args(paths)
        .output()
        .expect("runs");
    let doc = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "one JSON document, whatever the input ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
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
    // One typo pair (`room:leave` emitted, `room:join` handled); one-sided when a file
    // that did not parse may emit `room:join`.
    let rules = rules(doc);
    assert!(
        rules.contains(&"event-name-mismatch".to_owned())
            || rules.contains(&"unmatched-emit".to_owned()),
        "{doc:#}"
    );
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

/// The parse-error messages of a report, with the file each is on.
fn parse_errors(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["rule"] == "parse-error")
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_owned(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The one parse error of a report, which must be on a file named `name`.
fn the_parse_error_on(doc: &serde_json::Value, name: &str) -> String {
    let errors = parse_errors(doc);
    assert_eq!(errors.len(), 1, "{doc:#}");
    let (file, message) = &errors[0];
    assert!(file.ends_with(name), "{file}: {message}");
    message.clone()
}

#[test]
fn a_20_mb_generated_file_is_checked() {
    // Generated data modules (fixtures, translations, icon sets) reach this size; the
    // lines are short so that it is read as source, not skipped as a minified bundle.
    let line = "export const value_0 = { id: 0, name: \"generated\", tags: [\"a\", \"b\"] };\n";
    let big = line.repeat(20 * 1024 * 1024 / line.len() + 1);
    assert!(big.len() >= 20 * 1024 * 1024);
    let (doc, code) = check_with(&[("generated/data.ts", big.as_bytes())]);
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    assert!(parse_errors(&doc).is_empty(), "{doc:#}");
    assert_eq!(doc["summary"]["files"], 3, "{doc:#}");
}

#[test]
fn an_invalid_declaration_file_is_a_parse_error_not_a_crash() {
    // Found by the fuzzer: swc's debug assertion against reparsing in .d.ts mode fired
    // on this, so debug builds reported an internal error (exit 2).
    let (doc, code) = check_with(&[("types/events.d.ts", b"x = 1;\nJoin = \"room:join\",\n}\n")]);
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "types/events.d.ts");
    assert!(message.starts_with("syntax error"), "{message}");
}

#[test]
fn a_span_swc_ends_before_it_starts_is_not_a_crash() {
    // Found by the fuzzer: swc reads `void .x` as a type name whose span ends before it
    // starts, and swc_common's debug assertion against that made debug builds report
    // an internal error. Release builds, and now debug builds, accept the file.
    let (doc, code) = check_with(&[("server/odd.ts", b"function f(): void .x;\n")]);
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    assert!(parse_errors(&doc).is_empty(), "{doc:#}");
}

#[test]
fn a_tree_too_big_for_one_thread_is_walked_with_the_same_ignores() {
    // Past a few thousand entries discovery walks on every core: the same files must
    // be found, and the same ignored.
    let dir = project(&[(".gitignore", b"generated/\n")]);
    for package in 0..60 {
        for file in 0..80 {
            let name = format!("packages/p{package}/src/f{file}.ts");
            let path = dir.path().join(&name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, format!("export const v{file} = {file};\n")).expect("write");
        }
        for ignored in ["generated/out.ts", "node_modules/dep/index.js"] {
            let path = dir.path().join(format!("packages/p{package}/{ignored}"));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(&path, "export const ignored = 1;\n").expect("write");
        }
    }
    let (doc, code) = check(&mut binary(), dir.path());
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    assert_eq!(doc["summary"]["files"], 60 * 80 + 2, "{:#}", doc["summary"]);
}

#[test]
fn a_parser_panic_is_the_files_parse_error_and_prints_nothing() {
    // Found by the fuzzer: a member of a namespaced JSX name reaches an `unreachable!`
    // in swc's parser, in release builds too. The JSX is invalid, so the user gets a
    // parse error on that file, the run goes on, and no panic message reaches stderr.
    let dir = project(&[("web/odd.tsx", b"export const odd = <a:b.c />;\n")]);
    let output = binary()
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(output.status.code(), Some(1), "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "web/odd.tsx");
    assert!(
        message.starts_with("syntax error: the parser stopped"),
        "{message}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_is_checked() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = project(&[("server/secret.ts", b"export const x = 1;\n")]);
    let secret = dir.path().join("server/secret.ts");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads a file whatever its mode, so as root the binary is run as `nobody`,
    // who can enter the project (tempdirs are private) but not read that file.
    let as_root = std::fs::metadata(&secret).expect("stat").uid() == 0;
    let open_to_all = |path: &Path| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod")
    };
    // The checkout holding the binary may be private to root (a clone in a mktemp
    // directory), so nobody runs a link or copy of it from a directory open to all.
    let bin = tempfile::tempdir().expect("tempdir");
    let mut command = if as_root {
        open_to_all(dir.path());
        open_to_all(bin.path());
        let exe = bin.path().join("wirelint");
        let program = wirelint().get_program().to_owned();
        std::fs::hard_link(&program, &exe)
            .or_else(|_| std::fs::copy(&program, &exe).map(drop))
            .expect("link or copy the binary");
        let mut setpriv = std::process::Command::new("setpriv");
        setpriv
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(exe)
            .current_dir(dir.path());
        setpriv
    } else {
        binary()
    };
    let (doc, code) = check(&mut command, dir.path());
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "server/secret.ts");
    assert!(
        message.starts_with("cannot read this file") && message.contains("ermission denied"),
        "{message}"
    );
}

#[test]
fn a_file_deleted_after_discovery_is_reported_and_the_rest_is_checked() {
    let dir = project(&[("server/vanishing.ts", b"export const x = 1;\n")]);
    let (doc, code) = check(
        binary().env("WIRELINT_TEST_REMOVE_AFTER_DISCOVERY", "vanishing.ts"),
        dir.path(),
    );
    assert!(
        !dir.path().join("server/vanishing.ts").exists(),
        "the debug-only hook removed the file"
    );
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "server/vanishing.ts");
    assert!(
        message.starts_with("cannot read this file") && message.contains("No such file"),
        "{message}"
    );
}

/// A FIFO never gets a writer here: opening it for reading would wait forever.
#[cfg(unix)]
fn make_fifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// Runs `check` on `paths`, failing the test instead of hanging when the run does not
/// end.
fn check_within(paths: &[&Path]) -> (serde_json::Value, i32) {
    let (send, receive) = std::sync::mpsc::channel();
    let paths: Vec<std::path::PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    std::thread::spawn(move || {
        let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
        let _ = send.send(check_paths(&mut binary(), &paths));
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the run ends instead of waiting on the FIFO")
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_source_does_not_hang_the_run() {
    let dir = project(&[]);
    make_fifo(&dir.path().join("server/x.ts"));
    let (doc, code) = check_within(&[dir.path()]);
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "server/x.ts");
    assert!(message.contains("not a regular file"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_does_not_hang_the_run() {
    let dir = project(&[]);
    let fifo = dir.path().join("x.ts");
    make_fifo(&fifo);
    let (doc, code) = check_within(&[&fifo, dir.path()]);
    assert_eq!(code, 1, "{doc:#}");
    assert_rest_checked(&doc);
    let message = the_parse_error_on(&doc, "x.ts");
    assert!(message.contains("not a regular file"), "{message}");
}

/// Real code nobody wrote for wirelint, such as a `node_modules` tree:
/// `WIRELINT_SWEEP_DIR=DIR cargo test --release --locked --test it -- --ignored sweep`
/// (`bench/run.sh` runs it on the packages it installs).
#[test]
#[ignore = "needs WIRELINT_SWEEP_DIR, a tree of real code; bench/run.sh runs it"]
fn sweep_real_code() {
    let dir = std::path::PathBuf::from(
        std::env::var_os("WIRELINT_SWEEP_DIR").expect("WIRELINT_SWEEP_DIR names the tree"),
    );
    assert!(dir.is_dir(), "{}: not a directory", dir.display());
    let output = binary()
        .args(["check", "--no-ignore", "--format", "json"])
        .arg(&dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // 2 is an internal error or a usage error; no code at all, a signal.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}; stderr: {stderr}",
        output.status
    );
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let diagnostics = doc["diagnostics"].as_array().expect("array");
    let internal: Vec<&serde_json::Value> = diagnostics
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("internal error"))
        })
        .collect();
    assert!(internal.is_empty(), "{internal:#?}");

    let errors = parse_errors(&doc);
    for (file, message) in &errors {
        assert!(Path::new(file).is_file(), "{file}: {message}: no such file");
    }
    assert_eq!(
        doc["summary"]["parse_errors"].as_u64(),
        Some(errors.len() as u64),
        "every file that fails is reported once"
    );
    // The parse-only pass reads and parses the same files on its own path: each file
    // it cannot parse must be a parse error of `check`, none dropped or added.
    let floor = binary()
        .args(["parse-floor", "--no-ignore"])
        .arg(&dir)
        .output()
        .expect("runs");
    assert!(floor.status.success(), "{}", floor.status);
    let floor = String::from_utf8_lossy(&floor.stderr);
    let number_before = |label: &str| -> u64 {
        let before = floor
            .split(label)
            .next()
            .and_then(|head| head.split_whitespace().last())
            .unwrap_or_default();
        before
            .parse()
            .unwrap_or_else(|_| panic!("no `{label}` count in {floor}"))
    };
    assert_eq!(
        (number_before(" files,"), number_before(" parse errors,")),
        (
            doc["summary"]["files"].as_u64().unwrap_or_default(),
            errors.len() as u64
        ),
        "parse-floor: {floor}"
    );
    eprintln!(
        "swept {}: {} files, {} parse errors, {}",
        dir.display(),
        doc["summary"]["files"],
        errors.len(),
        output.status
    );
}
