//! The npm packages (`npm/`): built for this platform from the binary under test,
//! packed, installed from the tarballs into a project offline, and run with `npx`, as a
//! JavaScript repository would run them. Skipped, saying so, where node or npm is not
//! installed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::precommit::which;
use crate::write;

/// A command of the npm toolchain that never reaches a registry and reads no user
/// configuration.
fn npm_command(program: &Path, work: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .env("npm_config_offline", "true")
        .env("npm_config_cache", work.join("npm-cache"))
        .env("npm_config_userconfig", work.join("npmrc"))
        .env("npm_config_update_notifier", "false")
        .env("npm_config_audit", "false")
        .env("npm_config_fund", "false")
        .env("WIRELINT_NO_CACHE", "1")
        .env_remove("WIRELINT_CACHE_DIR")
        .env_remove("WIRELINT_BINARY");
    command
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn must_succeed(output: Output, what: &str) -> Output {
    assert!(
        output.status.success(),
        "{what}: {:?}\n{}\n{}",
        output.status,
        text(&output.stdout),
        text(&output.stderr)
    );
    output
}

/// An app whose client emits `message:new` and whose server listens for
/// `message:create`: one unmatched emit, an error.
fn app(root: &Path) {
    write(
        root,
        "package.json",
        "{ \"name\": \"app\", \"private\": true }\n",
    );
    write(
        root,
        "web/chat.ts",
        "import { io } from \"socket.io-client\";\n\
         const socket = io();\n\
         export function send(text: string) {\n  socket.emit(\"message:new\", text);\n}\n",
    );
    write(
        root,
        "server/index.ts",
        "import { Server } from \"socket.io\";\n\
         const io = new Server();\n\
         io.on(\"connection\", (socket) => {\n  socket.on(\"message:create\", (text: string) => {\n    console.log(text);\n  });\n});\n",
    );
}

#[test]
fn npx_runs_the_binary_of_the_npm_package_built_for_this_platform() {
    let (Some(node), Some(npm), Some(npx)) = (which("node"), which("npm"), which("npx")) else {
        eprintln!(
            "skipped: node, npm or npx is not installed, so the npm packages cannot be built"
        );
        return;
    };
    let work = tempfile::tempdir().expect("tempdir");
    let work = work.path();
    write(work, "npmrc", "");
    let dist = work.join("dist");
    let binary = env!("CARGO_BIN_EXE_wirelint");
    let built = npm_command(&node, work)
        .arg("npm/build.mjs")
        .arg("--out")
        .arg(&dist)
        .arg("--pack")
        .arg(format!("host={binary}"))
        .output()
        .expect("node runs");
    if text(&built.stderr).contains("no package is built for") {
        eprintln!("skipped: wirelint publishes no npm package for this platform");
        return;
    }
    let built = must_succeed(built, "npm/build.mjs");
    let tarballs: Vec<PathBuf> = text(&built.stdout).lines().map(PathBuf::from).collect();
    assert_eq!(tarballs.len(), 2, "the platform's package and wirelint's");
    let names: Vec<String> = tarballs
        .iter()
        .filter_map(|t| t.file_name()?.to_str().map(str::to_owned))
        .collect();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        names.contains(&format!("wirelint-{version}.tgz")),
        "{names:?}"
    );

    let project = work.join("app");
    app(&project);
    must_succeed(
        npm_command(&npm, work)
            .current_dir(&project)
            .arg("install")
            .args(&tarballs)
            .output()
            .expect("npm runs"),
        "npm install",
    );
    let npx_wirelint = |args: &[&str], stdin: Option<&str>| {
        let mut command = npm_command(&npx, work);
        command
            .current_dir(&project)
            .args(["--no-install", "wirelint"])
            .args(args)
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("npx runs");
        if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
            use std::io::Write;
            pipe.write_all(input.as_bytes()).expect("write stdin");
        }
        let output = child.wait_with_output().expect("npx ends");
        (
            output.status.code(),
            text(&output.stdout),
            text(&output.stderr),
        )
    };

    let (code, stdout, _) = npx_wirelint(&["--version"], None);
    assert_eq!(
        (code, stdout.trim()),
        (Some(0), &*format!("wirelint {version}"))
    );
    // The exit status comes through: 1 for an error finding...
    let (code, stdout, stderr) = npx_wirelint(&["check", "--format", "compact"], None);
    assert_eq!(code, Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("web/chat.ts:4:3: error [event-name-mismatch] \"message:new\""),
        "{stdout}"
    );
    // ... 2 for a usage error, with the binary's own message on stderr.
    let (code, _, stderr) = npx_wirelint(&["check", "--format", "nope"], None);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("invalid value 'nope'"), "{stderr}");
    // stdin reaches the binary: the fixed buffer of the file has no finding left.
    let fixed = std::fs::read_to_string(project.join("web/chat.ts"))
        .expect("read")
        .replace("message:new", "message:create");
    let (code, stdout, stderr) = npx_wirelint(
        &["check", "--stdin-filename", "web/chat.ts", "-"],
        Some(&fixed),
    );
    assert_eq!(code, Some(0), "{stdout}{stderr}");

    // Installed without its optional dependencies, the launcher says what is missing.
    std::fs::remove_dir_all(project.join("node_modules/@wirelint")).expect("remove");
    let (code, _, stderr) = npx_wirelint(&["--version"], None);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("is not installed"), "{stderr}");
}

/// The Rust targets of the release workflow's build matrix (`- target: ...`).
fn release_targets(workflow: &str) -> Vec<String> {
    workflow
        .lines()
        .filter_map(|line| line.trim().strip_prefix("- target: "))
        .map(str::to_owned)
        .collect()
}

/// `{ key }` placeholders of a cargo-binstall template, filled in.
fn expand(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{ {key} }}"), value)
        })
}

#[test]
fn the_release_assets_are_what_cargo_binstall_and_the_npm_packages_expect() {
    let workflow =
        std::fs::read_to_string(".github/workflows/release.yml").expect("read the workflow");
    let targets = release_targets(&workflow);
    assert_eq!(targets.len(), 5, "{targets:?}");
    // npm/build.mjs makes a package for each target the workflow builds, and no other.
    let build_script = std::fs::read_to_string("npm/build.mjs").expect("read build.mjs");
    let mut npm_targets: Vec<String> = build_script
        .lines()
        .filter(|line| line.contains("{ os: "))
        .filter_map(|line| Some(line.trim().strip_prefix('"')?.split('"').next()?.to_owned()))
        .collect();
    let mut built = targets.clone();
    npm_targets.sort();
    built.sort();
    assert_eq!(npm_targets, built);
    // The workflow's archives: `<name>.tar.gz` or `<name>.zip` holding `<name>/<exe>`.
    for line in [
        r#"name="wirelint-v${VERSION}-${TARGET}""#,
        r#"cp "target/$TARGET/release/$exe" README.md "dist/$name/""#,
        r#"tar czf "$name.tar.gz" "$name""#,
        r#"7z a -tzip "$name.zip" "$name" >/dev/null"#,
    ] {
        assert!(
            workflow.lines().any(|l| l.trim() == line),
            "release.yml no longer has: {line}"
        );
    }
    let manifest: toml::Table = std::fs::read_to_string("Cargo.toml")
        .expect("read Cargo.toml")
        .parse()
        .expect("Cargo.toml parses");
    let package = &manifest["package"];
    let repo = package["repository"].as_str().expect("repository");
    let binstall = &package["metadata"]["binstall"];
    let version = env!("CARGO_PKG_VERSION");
    for target in &targets {
        let windows = target.contains("windows");
        let override_of = |key: &str| {
            binstall
                .get("overrides")
                .and_then(|o| o.get(target.as_str()))
                .and_then(|o| o.get(key))
                .or_else(|| binstall.get(key))
                .and_then(toml::Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let values = [
            ("repo", repo),
            ("name", "wirelint"),
            ("version", version),
            ("target", target.as_str()),
            ("bin", "wirelint"),
            ("binary-ext", if windows { ".exe" } else { "" }),
        ];
        let archive = format!(
            "wirelint-v{version}-{target}.{}",
            if windows { "zip" } else { "tar.gz" }
        );
        assert_eq!(
            expand(&override_of("pkg-url"), &values),
            format!("{repo}/releases/download/v{version}/{archive}")
        );
        assert_eq!(override_of("pkg-fmt"), if windows { "zip" } else { "tgz" });
        assert_eq!(
            expand(&override_of("bin-dir"), &values),
            format!(
                "wirelint-v{version}-{target}/wirelint{}",
                if windows { ".exe" } else { "" }
            )
        );
    }
}
