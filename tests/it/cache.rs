//! The facts cache: a warm run reports exactly what a cold one does, a changed file is
//! read again (and what depends on it re-linked), and a broken cache is never trusted.

use std::path::{Path, PathBuf};

use crate::{wirelint, write};

/// The real binary with its cache on.
fn cached_wirelint() -> assert_cmd::Command {
    let mut command = wirelint();
    command.env_remove("WIRELINT_NO_CACHE");
    command
}

struct Run {
    json: String,
    code: i32,
    /// Files whose facts came from the cache, as `--timings` says.
    from_cache: usize,
    /// Of those, files not even read.
    unread: usize,
    /// The last run's findings were reused, as `--timings` says.
    reused: bool,
    files: usize,
}

fn check(args: &[&str], project: &Path) -> Run {
    check_from(None, args, project)
}

/// `check` run from `cwd`, naming the project as given.
fn check_from(cwd: Option<&Path>, args: &[&str], project: &Path) -> Run {
    let mut command = cached_wirelint();
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let output = command
        .args(["check", "--format", "json", "--timings"])
        .args(args)
        .arg(project)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let number_before = |marker: &str| -> usize {
        let line = stderr
            .lines()
            .find(|line| line.contains(marker))
            .unwrap_or_else(|| panic!("no `{marker}` in {stderr}"));
        let before = &line[..line.find(marker).unwrap_or(0)];
        before
            .split_whitespace()
            .last()
            .and_then(|n| n.trim_start_matches('(').parse().ok())
            .unwrap_or_else(|| panic!("no number before `{marker}` in {line}"))
    };
    Run {
        json: String::from_utf8(output.stdout).expect("UTF-8"),
        code: output.status.code().unwrap_or(-1),
        from_cache: number_before("files from the cache"),
        unread: number_before("not read"),
        reused: stderr.contains("findings reused"),
        files: number_before("files,"),
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        if entry.file_name() == ".wirelint_cache" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A copy of the sample app, and the directory holding it.
fn chatlite() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().join("chatlite");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/chatlite"),
        &project,
    );
    (dir, project)
}

/// The sample app, with file times old enough to be trusted (see `Stat::settled`).
fn settled_chatlite() -> (tempfile::TempDir, PathBuf) {
    let (dir, project) = chatlite();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    (dir, project)
}

/// `check` with the cache off, in `cwd` if given: what every cached run must print.
fn uncached(cwd: Option<&Path>, format: &str, project: &Path) -> String {
    let mut command = wirelint();
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let output = command
        .args(["check", "--format", format])
        .arg(project)
        .output()
        .expect("runs");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// `shared/events.ts` with the text `events`, a client emitting `EVENTS.SEND` imported
/// from `import`, and a server handling "chat:message".
fn client_and_server(root: &Path, events: &str, import: &str) {
    write(root, "shared/events.ts", events);
    write(
        root,
        "client/app.ts",
        &format!(
            "import {{ io }} from \"socket.io-client\";\nimport {{ EVENTS }} from \"{import}\";\nconst socket = io(\"http://localhost:3000\");\nsocket.emit(EVENTS.SEND, \"hi\");\n"
        ),
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {\n  socket.on(\"chat:message\", (text: string) => console.log(text));\n});\n",
    );
}

/// [`client_and_server`] whose client imports `EVENTS` through a barrel,
/// `shared/index.ts`, that re-exports the wrong constants (`OLD`; `NEW` has the server's
/// name). The barrel has no site of its own, so no finding ever quotes it. File times
/// are old enough to be trusted.
fn settled_barrel_project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    client_and_server(
        &root,
        "export const OLD = { SEND: \"chat:send\" } as const;\nexport const NEW = { SEND: \"chat:message\" } as const;\n",
        "../shared",
    );
    write(
        &root,
        "shared/index.ts",
        "export { OLD as EVENTS } from \"./events\";\n",
    );
    std::thread::sleep(std::time::Duration::from_millis(2100));
    (dir, root)
}

fn rules(json: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(json).expect("JSON");
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_warm_run_reads_every_file_from_the_cache_and_reports_the_same() {
    let (_dir, project) = chatlite();
    let uncached = check(&["--no-cache"], &project);
    assert!(
        !project.join(".wirelint_cache").exists(),
        "--no-cache writes nothing"
    );

    let cold = check(&[], &project);
    assert_eq!(cold.from_cache, 0);
    let cache = project.join(".wirelint_cache");
    assert!(cache.join("facts.bin").is_file());
    let ignore = std::fs::read_to_string(cache.join(".gitignore")).expect(".gitignore");
    assert!(ignore.lines().any(|line| line == "*"), "{ignore}");

    let warm = check(&[], &project);
    assert!(warm.files > 5);
    assert_eq!(warm.from_cache, warm.files, "every file from the cache");
    assert_eq!(warm.json, cold.json, "byte-identical, warm or cold");
    assert_eq!(warm.json, uncached.json);
    assert_eq!((warm.code, cold.code), (1, 1));
    assert_eq!(rules(&warm.json), ["event-name-mismatch"]);
}

#[test]
fn the_same_files_named_from_another_directory_hit_the_same_entries() {
    let (dir, project) = chatlite();
    let from_parent = check_from(Some(dir.path()), &[], Path::new("chatlite"));
    assert_eq!(from_parent.from_cache, 0);
    let inside = check_from(Some(&project), &[], Path::new("."));
    assert_eq!(
        inside.from_cache, inside.files,
        "one entry per file, however named"
    );
    assert_eq!(inside.code, from_parent.code);
}

#[test]
fn a_changed_file_is_read_again_and_the_files_using_it_are_relinked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    client_and_server(
        root,
        "export const EVENTS = { SEND: \"chat:send\" } as const;\n",
        "../shared/events",
    );
    let first = check(&[], root);
    assert!(rules(&first.json).contains(&"event-name-mismatch".to_owned()));

    // Only the constants file changes; the client that imports it must see the new name.
    write(
        root,
        "shared/events.ts",
        "export const EVENTS = { SEND: \"chat:message\" } as const;\n",
    );
    let second = check(&[], root);
    assert_eq!(
        second.from_cache,
        second.files - 1,
        "only the changed file is parsed"
    );
    assert_eq!(rules(&second.json), Vec::<String>::new(), "{}", second.json);
    assert_eq!(second.code, 0);
    assert_eq!(second.json, check(&["--no-cache"], root).json);
}

#[test]
fn a_corrupt_or_foreign_cache_is_ignored_and_rewritten() {
    let (_dir, project) = chatlite();
    let clean = check(&["--no-cache"], &project);
    check(&[], &project);
    let facts = project.join(".wirelint_cache/facts.bin");
    let good = std::fs::read(&facts).expect("cache written");

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x5a;
    let mut header_changed = good.clone();
    // In the header's key, the build and configuration the cache belongs to.
    header_changed[12] ^= 0x0f;
    let broken: [(&str, Vec<u8>); 5] = [
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 3].to_vec()),
        ("one byte flipped", flipped),
        ("another build's", header_changed),
        (
            "not a cache at all",
            b"{\"hello\": \"world\"}\n".repeat(100),
        ),
    ];
    for (what, bytes) in broken {
        std::fs::write(&facts, bytes).expect("write");
        let run = check(&[], &project);
        assert_eq!(run.from_cache, 0, "{what} cache must not be trusted");
        assert_eq!(run.json, clean.json, "{what} cache");
        assert_eq!(run.code, clean.code, "{what} cache");
        let rewritten = check(&[], &project);
        assert_eq!(
            rewritten.from_cache, rewritten.files,
            "{what} cache rewritten"
        );
    }

    // A directory where the cache file should be: the run is not disturbed.
    std::fs::remove_file(&facts).expect("remove");
    std::fs::create_dir(&facts).expect("mkdir");
    let run = check(&[], &project);
    assert_eq!((run.json, run.code), (clean.json, clean.code));
}

#[test]
fn a_configuration_that_changes_extraction_invalidates_the_cache() {
    let (_dir, project) = chatlite();
    check(&[], &project);
    write(
        &project,
        "wirelint.toml",
        "[sockets]\nclient = [\"getSocket\"]\n",
    );
    let run = check(&[], &project);
    assert_eq!(run.from_cache, 0, "facts depend on the socket wrappers");
    assert_eq!(check(&[], &project).from_cache, run.files);
}

#[test]
fn facts_that_depend_on_the_package_manifest_follow_it() {
    // `..` is socket.io itself only while the package is named so: renaming it must
    // change the findings although the test file did not change.
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().to_path_buf();
    let manifest = |name: &str| format!("{{\"name\": \"{name}\", \"main\": \"dist/index.js\"}}");
    write(&project, "package.json", &manifest("socket.io"));
    write(
        &project,
        "test/welcome.ts",
        "import { Server } from \"..\";\nimport { io as ioc } from \"socket.io-client\";\n\
         const server = new Server(3000);\nserver.on(\"connection\", (s) => s.emit(\"welcome\"));\n\
         const client = ioc(\"http://localhost:3000\");\nclient.emit(\"hello\");\n",
    );
    write(
        &project,
        "test/support/types.ts",
        "import type { Server } from \"../..\";\nexport type TestServer = Server;\n",
    );
    // Old enough for their metadata to be trusted (see `settled_chatlite`).
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let as_library = check(&[], &project);
    assert!(
        rules(&as_library.json).contains(&"unmatched-emit".to_owned()),
        "{}",
        as_library.json
    );
    let again = check(&[], &project);
    assert_eq!(again.json, as_library.json);
    // The file no finding quotes is not even read while the package is as it was.
    assert_eq!(again.unread, 1);
    write(&project, "package.json", &manifest("my-app"));
    let as_app = check(&[], &project);
    assert!(rules(&as_app.json).is_empty(), "{}", as_app.json);
    write(&project, "package.json", &manifest("socket.io"));
    assert_eq!(check(&[], &project).json, as_library.json);
}

#[test]
fn a_generated_file_of_an_output_dir_is_not_read_again_unless_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().to_path_buf();
    client_and_server(
        &project,
        "export const EVENTS = { SEND: \"chat:message\" } as const;\n",
        "../shared/events",
    );
    let bundle = "(()=>{var __webpack_modules__={};const socket=io();socket.emit(\"bundled\")})();\n//# sourceMappingURL=main.js.map\n";
    write(&project, "web/dist/main.js", bundle);
    cold_then_warm_reading_nothing(&project, "the skipped bundle's verdict is cached too");
    // Named on the command line, the output directory is read as code, whatever the
    // cache says of it as part of the project.
    let cache = project.join(".wirelint_cache");
    let server = project.join("server");
    let named = check(
        &[
            "--cache-dir",
            cache.to_str().expect("UTF-8"),
            server.to_str().expect("UTF-8"),
        ],
        &project.join("web/dist"),
    );
    assert!(named.json.contains("\"bundled\""), "{}", named.json);
}

/// The same inside a Socket.IO package, whose files' facts are cached under the
/// package's manifest: the bundle's verdict must be stored under it too, or the bundle
/// is read again, and the whole cache written again, on every run.
#[test]
fn a_generated_file_of_a_socketio_package_is_not_read_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let project = dir.path().to_path_buf();
    write(
        &project,
        "package.json",
        "{\"name\": \"socket.io-client\", \"main\": \"build/cjs/index.js\"}",
    );
    write(
        &project,
        "lib/index.ts",
        "import { Manager } from \"./manager\";\nexport function lookup(uri: string) { return new Manager(uri).socket(\"/\"); }\n",
    );
    write(
        &project,
        "lib/manager.ts",
        "export class Manager { constructor(public uri: string) {} socket(nsp: string) { return nsp; } }\n",
    );
    let bundle = "(()=>{var __webpack_modules__={};const socket=io();socket.emit(\"bundled\")})();\n//# sourceMappingURL=socket.io.js.map\n";
    write(&project, "dist/socket.io.js", bundle);
    let facts = project.join(".wirelint_cache/facts.bin");
    let modified = || std::fs::metadata(&facts).and_then(|m| m.modified()).ok();
    let mut written = None;
    cold_then_warm_reading_nothing_after(&project, "the bundle's verdict is cached too", || {
        written = modified();
    });
    assert_eq!(
        modified(),
        written,
        "a warm run with nothing changed leaves the cache as it was"
    );
}

/// A cold run of `project` and then a warm one, once its files are old enough for
/// their metadata to be trusted: the warm run reports the same and reads no file.
fn cold_then_warm_reading_nothing(project: &Path, why: &str) {
    cold_then_warm_reading_nothing_after(project, why, || {});
}

/// The same, with `between` run between the two.
fn cold_then_warm_reading_nothing_after(project: &Path, why: &str, between: impl FnOnce()) {
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let cold = check(&[], project);
    between();
    let warm = check(&[], project);
    assert_eq!(warm.json, cold.json);
    assert_eq!(warm.unread, warm.files, "{why}");
}

#[test]
fn cache_dir_moves_the_cache_and_the_environment_turns_it_off() {
    let (dir, project) = chatlite();
    let elsewhere = dir.path().join("elsewhere");
    let elsewhere_arg = elsewhere.to_string_lossy().into_owned();
    check(&["--cache-dir", &elsewhere_arg], &project);
    assert!(elsewhere.join("facts.bin").is_file());
    assert!(!project.join(".wirelint_cache").exists());
    let warm = check(&["--cache-dir", &elsewhere_arg], &project);
    assert_eq!(warm.from_cache, warm.files);

    let output = wirelint()
        .args(["check", "--format", "json"])
        .arg(&project)
        .env("WIRELINT_NO_CACHE", "1")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(!project.join(".wirelint_cache").exists());
}

/// Facts that went through the cache's encoding are the facts extracted, for every
/// fixture of every rule: a warm run can only differ from a cold one if this fails.
#[test]
fn facts_survive_the_cache_encoding_unchanged() {
    let testdata = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let files = ignore::WalkBuilder::new(&testdata)
        .build()
        .filter_map(Result::ok)
        .filter_map(|entry| {
            wirelint::discover::classify(entry.path()).map(|kind| (entry.into_path(), kind))
        })
        .collect::<Vec<_>>();
    assert!(files.len() > 100, "{}", files.len());
    let mut with_sites = 0;
    for (path, kind) in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let facts = wirelint::lang::extract(&text, kind, &[]);
        with_sites += usize::from(!facts.emits.is_empty() || !facts.handlers.is_empty());
        let entry = wirelint::cache::Cache::encode(&facts, 0, None, 0).expect("encodes");
        let decoded = entry.facts().expect("decodes");
        assert_eq!(
            format!("{decoded:?}"),
            format!("{facts:?}"),
            "{}",
            path.display()
        );
    }
    assert!(with_sites > 50, "{with_sites}");
}

#[test]
fn an_unchanged_project_is_not_read_again_and_its_findings_are_reused() {
    let (_dir, project) = settled_chatlite();
    let cold = check(&[], &project);
    assert!(!cold.reused);
    let warm = check(&[], &project);
    assert!(warm.reused, "nothing changed");
    assert_eq!(warm.from_cache, warm.files);
    // The two files with findings are read for their lines; nothing else is.
    assert_eq!(warm.unread, warm.files - 2, "{}", warm.json);
    assert_eq!(warm.json, cold.json);
    assert_eq!(warm.json, uncached(None, "json", &project));
    for format in ["human", "compact", "sarif", "github"] {
        let output = cached_wirelint()
            .args(["check", "--format", format])
            .arg(&project)
            .output()
            .expect("runs");
        let reused = String::from_utf8(output.stdout).expect("UTF-8");
        assert_eq!(reused, uncached(None, format, &project), "{format}");
        assert_eq!(output.status.code(), Some(1), "{format}");
    }
}

#[test]
fn a_file_rewritten_to_the_same_size_is_read_again() {
    let (_dir, root) = settled_barrel_project();
    let root = root.as_path();
    let first = check(&[], root);
    assert_eq!(rules(&first.json), ["event-name-mismatch"]);
    assert!(check(&[], root).reused);
    // One byte for one byte: only the times change.
    write(
        root,
        "shared/index.ts",
        "export { NEW as EVENTS } from \"./events\";\n",
    );
    let second = check(&[], root);
    assert!(!second.reused);
    assert_eq!(second.json, uncached(None, "json", root));
    assert_eq!(rules(&second.json), Vec::<String>::new(), "{}", second.json);
}

#[test]
fn findings_are_not_reused_when_what_linking_reads_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    client_and_server(
        root,
        "export const EVENTS = { SEND: \"chat:send\" } as const;\n",
        "@shared/events",
    );
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let mut seen = Vec::new();
    let mut step = |what: &str, cwd: Option<&Path>, project: &Path| {
        let run = check_from(cwd, &[], project);
        assert!(!run.reused, "{what}: must not reuse the last findings");
        assert_eq!(run.json, uncached(cwd, "json", project), "{what}");
        let again = check_from(cwd, &[], project);
        assert!(again.reused, "{what}: nothing changed since");
        assert_eq!(again.json, run.json, "{what}");
        seen.push(rules(&run.json));
    };
    step("first run", None, root);
    // Module resolution: `@shared/events` resolves once a tsconfig maps it.
    write(
        root,
        "tsconfig.json",
        "{ \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@shared/*\": [\"shared/*\"] } } }\n",
    );
    step("a tsconfig added", None, root);
    // The configuration.
    write(
        root,
        "wirelint.toml",
        "[rules]\nevent-name-mismatch = \"off\"\n",
    );
    step("a rule turned off", None, root);
    std::fs::remove_file(root.join("wirelint.toml")).expect("remove");
    step("the configuration removed", None, root);
    // The set of files.
    write(
        root,
        "server/more.ts",
        "import { Server } from \"socket.io\";\nconst io = new Server(3001);\nio.on(\"connection\", (socket) => {\n  socket.on(\"chat:send\", (text: string) => console.log(text));\n});\n",
    );
    step("a file added", None, root);
    std::fs::remove_file(root.join("server/more.ts")).expect("remove");
    step("a file removed", None, root);
    // The same files named another way: messages name them as given.
    let name = Path::new(root.file_name().expect("name"));
    step(
        "named from the parent",
        Some(root.parent().expect("parent")),
        name,
    );
    assert_eq!(seen[0], ["dynamic-event-name"], "unresolved: no event name");
    assert!(
        seen[1].contains(&"event-name-mismatch".to_owned()),
        "{seen:?}"
    );
    assert!(
        !seen[2].contains(&"event-name-mismatch".to_owned()),
        "{seen:?}"
    );
    assert_eq!(seen[3], seen[1]);
    assert!(
        !seen[4].contains(&"event-name-mismatch".to_owned()),
        "{seen:?}"
    );
    assert_eq!(seen[5], seen[1]);
}

#[test]
fn an_unsaved_buffer_never_stands_for_the_file_on_disk() {
    let (_dir, root) = settled_barrel_project();
    let root = root.as_path();
    let before = check(&[], root);
    assert_eq!(rules(&before.json), ["event-name-mismatch"]);
    // The editor's buffer re-exports the other constants; the file on disk does not.
    let barrel = root.join("shared/index.ts");
    let output = cached_wirelint()
        .args(["check", "--format", "json", "--stdin-filename"])
        .arg(&barrel)
        .arg(root)
        .arg("-")
        .write_stdin("export { NEW as EVENTS } from \"./events\";\n")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "the buffer fixes it");
    let after = check(&[], root);
    assert_eq!(after.json, before.json, "the file on disk is unchanged");
    assert_eq!(after.json, uncached(None, "json", root));
}

/// One predictable place: the directory of the `wirelint.toml` in use, else the
/// repository's root, else the path checked; never beside a `--config` kept elsewhere,
/// never in a folder with nothing to check.
#[test]
fn the_cache_lives_at_the_project_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
    write(&repo, "web/src/a.ts", "export const a = 1;\n");
    let run = |args: &[&str]| {
        let output = cached_wirelint()
            .current_dir(dir.path())
            .args(["check", "--format", "json"])
            .args(args)
            .output()
            .expect("runs");
        assert_ne!(output.status.code(), Some(2), "{output:?}");
    };
    // A subfolder of a repository: the repository's root.
    run(&["repo/web"]);
    assert!(repo.join(".wirelint_cache").is_dir());
    assert!(!repo.join("web/.wirelint_cache").exists());

    // A configuration kept outside the project does not move the cache beside it.
    write(dir.path(), "settings/wirelint.toml", "ignore_events = []\n");
    std::fs::remove_dir_all(repo.join(".wirelint_cache")).expect("rm");
    run(&["--config", "settings/wirelint.toml", "repo/web"]);
    assert!(!dir.path().join("settings/.wirelint_cache").exists());
    assert!(repo.join(".wirelint_cache").is_dir());

    // An empty folder stays empty.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let output = cached_wirelint()
        .arg("check")
        .arg(&empty)
        .output()
        .expect("runs");
    assert_ne!(output.status.code(), None);
    assert_eq!(std::fs::read_dir(&empty).expect("readable").count(), 0);
}

#[test]
fn an_unwritable_cache_dir_is_a_warning() {
    let (dir, project) = chatlite();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a directory").expect("write");
    let output = cached_wirelint()
        .args(["check", "--format", "json", "--cache-dir"])
        .arg(file.join("cache"))
        .arg(&project)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: cannot write the cache in"),
        "{stderr}"
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "the findings are still reported"
    );
}
