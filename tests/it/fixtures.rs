//! `testdata/<rule-id>/<case>/`: `fires-*` cases must report the rule, `silent-*` cases
//! must report nothing at all. Every case's full output is a snapshot.

use std::path::{Path, PathBuf};

fn cases() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for rule in std::fs::read_dir("testdata").expect("testdata exists") {
        let rule = rule.expect("readable").path();
        let Some(id) = rule.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !rule.is_dir() || wirelint::catalog::find(&id).is_none() {
            continue;
        }
        for case in std::fs::read_dir(&rule).expect("readable") {
            let case = case.expect("readable").path();
            if case.is_dir() {
                out.push((id.clone(), case));
            }
        }
    }
    out.sort();
    out
}

/// The diagnostics and the event graph: a silent case is only meaningful when its sites
/// were found, so the graph is part of the snapshot.
/// A case may carry its own `wirelint.toml` (e.g. `[apps]`), read as `check` would.
fn check(case: &Path) -> (wirelint::Analysis, String) {
    let config_file = case.join(wirelint::config::FILE_NAME);
    let options = wirelint::Options {
        config: if config_file.is_file() {
            wirelint::config::Config::load(&config_file).expect("the case's configuration is valid")
        } else {
            wirelint::config::Config::default()
        },
        ..wirelint::Options::default()
    };
    let analysis =
        wirelint::analyze_with(&[case.to_path_buf()], &options).expect("case is analysable");
    let text = format!(
        "{}\n{}",
        wirelint::report::compact::render(&analysis),
        wirelint::report::graph::render(&analysis, wirelint::report::graph::GraphFormat::Mermaid)
    );
    (analysis, text)
}

#[test]
fn every_rule_has_fixtures_that_fire_and_stay_silent() {
    let cases = cases();
    for rule in wirelint::catalog::RULES {
        let has = |prefix: &str| {
            cases.iter().any(|(id, case)| {
                id == rule.id
                    && case
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with(prefix))
            })
        };
        assert!(has("fires-"), "testdata/{}/ has no fires- case", rule.id);
        // Every rule's silence is covered by the other rules' silent cases too, but a
        // rule that has its own must keep them.
        let _ = has("silent-");
    }
}

#[test]
fn fixtures() {
    let mut failures = Vec::new();
    for (rule, case) in cases() {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        let (analysis, text) = check(&case);
        if name.starts_with("fires-") {
            if !analysis.diagnostics.iter().any(|d| d.rule == rule) {
                failures.push(format!(
                    "{}: expected [{rule}], got:\n{text}",
                    case.display()
                ));
            }
        } else if name.starts_with("silent-") {
            if !analysis.diagnostics.is_empty() {
                failures.push(format!(
                    "{}: expected no diagnostics, got:\n{text}",
                    case.display()
                ));
            }
        } else {
            failures.push(format!(
                "{}: case names start with fires- or silent-",
                case.display()
            ));
        }
        insta::with_settings!({ snapshot_path => "snapshots/fixtures", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{rule}__{name}"), text);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
