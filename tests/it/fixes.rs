//! Every fix on every fixture: it applies, the result parses, a second run offers
//! nothing more, the declared fix availability matches, and the patch is a snapshot
//! (the before/after pair, as clippy keeps `.fixed` files).

use std::path::{Path, PathBuf};

use crate::wirelint;
use wirelint::catalog::{FixAvailability, RULES};
use wirelint::fix::{FixOptions, plan};

const ALL: FixOptions = FixOptions { unsafe_fixes: true };

fn cases() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("testdata/chatlite")];
    for rule in RULES {
        let Ok(dir) = std::fs::read_dir(Path::new("testdata").join(rule.id)) else {
            continue;
        };
        for case in dir.flatten() {
            if case.path().is_dir() {
                out.push(case.path());
            }
        }
    }
    out.sort();
    out
}

/// Copies a case into a temporary directory, so fixes can be written.
fn copy(case: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(case, dir.path());
    dir
}

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

#[test]
fn fixes_apply_parse_and_converge() {
    let mut failures = Vec::new();
    for case in cases() {
        let (outcome, analysis) =
            plan(std::slice::from_ref(&case), ALL, Default::default()).expect("analysable");
        let name = case.to_string_lossy().replace(['/', '\\'], "__");
        if !outcome.reverted.is_empty() {
            failures.push(format!(
                "{}: fixes broke the parse: {:?}",
                case.display(),
                outcome.reverted
            ));
        }
        // What is left after fixing offers no further fix.
        if let Some(d) = analysis.diagnostics.iter().find(|d| d.fix.is_some()) {
            failures.push(format!(
                "{}: after fixing, [{}] still offers a fix: {}",
                case.display(),
                d.rule,
                d.message
            ));
        }
        for rule in RULES {
            let offered = outcome.applied.contains_key(rule.id);
            if offered && rule.fix == FixAvailability::None {
                failures.push(format!("{} offers a fix but declares none", rule.id));
            }
        }
        let diff = wirelint::fix::diff(&outcome);
        if !diff.is_empty() {
            insta::with_settings!({ snapshot_path => "snapshots/fixes", prepend_module_to_snapshot => false }, {
                insta::assert_snapshot!(name, diff);
            });
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixing_rule_has_a_fixture_it_fixes() {
    let mut fixed = std::collections::BTreeSet::new();
    for case in cases() {
        let (outcome, _) = plan(&[case], ALL, Default::default()).expect("analysable");
        fixed.extend(outcome.applied.keys().copied());
    }
    for rule in RULES.iter().filter(|r| r.fix != FixAvailability::None) {
        assert!(
            fixed.contains(rule.id),
            "no fixture exercises the fix of {}",
            rule.id
        );
    }
}

#[test]
fn chatlite_diff_then_fix_then_clean() {
    let diff = wirelint()
        .args(["check", "--diff", "--unsafe-fixes", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(diff.status.code(), Some(1), "a diff exits 1");
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(text.contains("-  socket.emit(\"message:new\""), "{text}");
    assert!(text.contains("+  socket.emit(\"message:create\""), "{text}");
    // Safe fixes only: the rename is a suggestion, so nothing changes.
    let safe = wirelint()
        .args(["check", "--diff", "testdata/chatlite"])
        .output()
        .expect("runs");
    assert_eq!(safe.status.code(), Some(0));
    assert!(safe.stdout.is_empty());

    let dir = copy(Path::new("testdata/chatlite"));
    let fix = wirelint()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        fix.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fix.stdout)
    );
    assert!(String::from_utf8_lossy(&fix.stderr).contains("applied 1 fix"));
    let again = wirelint()
        .arg("check")
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("no problems"));
}

#[test]
fn crlf_and_bom_survive_a_fix() {
    let dir = copy(Path::new(
        "testdata/ack-unexpected/fires-one-emitter-without-ack",
    ));
    let server = dir.path().join("server/src/index.ts");
    let original = std::fs::read_to_string(&server).expect("read");
    let crlf = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    std::fs::write(&server, &crlf).expect("write");
    let output = wirelint()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let fixed = std::fs::read_to_string(&server).expect("read");
    assert_ne!(fixed, crlf, "the guard fix was applied");
    assert!(fixed.starts_with('\u{feff}'), "the BOM is kept");
    assert!(
        !fixed.replace("\r\n", "").contains('\n'),
        "every line ending stays CRLF"
    );
    assert!(fixed.contains("if (typeof callback === \"function\") callback("));
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let dir = copy(Path::new(
        "testdata/ack-unexpected/fires-one-emitter-without-ack",
    ));
    let client = dir.path().join("client/src/reactions.ts");
    let before = std::fs::metadata(&client)
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    wirelint()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let after = std::fs::metadata(&client)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after);
}

/// Fixes everything in a copy of `case` whose server file is first rewritten by
/// `rewrite`, and returns that file after fixing.
fn fixed_server(case: &str, file: &str, rewrite: impl Fn(&str) -> String) -> (String, String) {
    let dir = copy(Path::new(case));
    let path = dir.path().join(file);
    let original = rewrite(&std::fs::read_to_string(&path).expect("read"));
    std::fs::write(&path, &original).expect("write");
    let output = wirelint()
        .args(["check", "--fix", "--unsafe-fixes"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("applied"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (original, std::fs::read_to_string(&path).expect("read"))
}

#[test]
fn a_wrap_in_a_crlf_file_keeps_crlf() {
    let (original, fixed) = fixed_server(
        "testdata/ack-not-on-all-paths/fires-await-outside-try",
        "server/src/index.ts",
        |text| text.replace('\n', "\r\n"),
    );
    assert_ne!(fixed, original);
    assert!(fixed.contains("try {\r\n"), "{fixed:?}");
    assert!(
        !fixed.replace("\r\n", "").contains('\n'),
        "every line ending stays CRLF: {fixed:?}"
    );
}

#[test]
fn a_wrap_in_a_tab_indented_file_indents_with_tabs() {
    let (_, fixed) = fixed_server(
        "testdata/ack-not-on-all-paths/fires-await-outside-try",
        "server/src/index.ts",
        |text| {
            text.lines()
                .map(|line| {
                    let spaces = line.len() - line.trim_start_matches(' ').len();
                    format!(
                        "{}{}\n",
                        "\t".repeat(spaces / 2),
                        line.trim_start_matches(' ')
                    )
                })
                .collect()
        },
    );
    assert!(fixed.contains("\n\t\ttry {\n"), "{fixed}");
    assert!(fixed.contains("\n\t\t} catch (err) {\n\t\t\t"), "{fixed}");
    assert!(
        !fixed.lines().any(|line| line.starts_with(' ')),
        "no line is indented with spaces: {fixed}"
    );
}

/// A fix that cannot be written (here: no byte may be written, as on a full disk) is not
/// counted as applied, and the report says what is on disk: the finding is still there.
#[cfg(unix)]
#[test]
fn a_fix_that_cannot_be_written_is_not_applied_and_is_still_reported() {
    use std::os::unix::process::CommandExt;
    let dir = copy(Path::new(
        "testdata/listener-removed-globally/fires-client-off-without-handler",
    ));
    let panel = dir.path().join("client/src/chatPanel.ts");
    let before = std::fs::read_to_string(&panel).expect("read");
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("wirelint"));
    command
        .args(["check", "--fix", "--format", "compact"])
        .arg(dir.path())
        .env("WIRELINT_NO_CACHE", "1");
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: libc::RLIM_INFINITY,
            };
            // Writing past the limit fails with EFBIG instead of killing the process.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("chatPanel.ts: cannot write the fixed file"),
        "{stderr}"
    );
    assert!(!stderr.contains("applied"), "{stderr}");
    assert!(stdout.contains("[listener-removed-globally]"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&panel).expect("read"), before);
}
