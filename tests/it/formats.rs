//! Every `--format` of `check` on the sample app, SARIF against the official 2.1.0
//! schema, and GitHub's workflow-command escaping.

use crate::wirelint;
use serde_json::Value;

fn stdout(args: &[&str]) -> String {
    let output = wirelint()
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn every_format_of_the_sample_app() {
    for format in ["human", "json", "compact", "sarif", "github"] {
        let text = stdout(&["check", "--format", format, "testdata/chatlite"]);
        insta::assert_snapshot!(format!("chatlite_{format}"), text);
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string("testdata/schemas/sarif-schema-2.1.0.json")
            .expect("vendored schema"),
    )
    .expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

/// Every fixture case, one project each: every rule, labels in other files, fixes,
/// files that do not parse.
fn fixture_cases() -> Vec<std::path::PathBuf> {
    let mut cases = Vec::new();
    for rule in wirelint::catalog::RULES {
        let Ok(entries) = std::fs::read_dir(format!("testdata/{}", rule.id)) else {
            continue;
        };
        cases.extend(entries.filter_map(|e| Some(e.ok()?.path())));
    }
    cases.sort();
    cases
}

#[test]
fn sarif_is_valid_against_the_2_1_0_schema() {
    let validator = sarif_validator();
    let mut results = Vec::new();
    for case in fixture_cases() {
        let analysis = wirelint::analyze(std::slice::from_ref(&case)).expect("analysable");
        let log: Value = serde_json::from_str(&wirelint::report::sarif::render(&analysis))
            .expect("one JSON document");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}:\n{}",
            case.display(),
            errors.join("\n")
        );
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        assert_eq!(rules.len(), wirelint::catalog::RULES.len());
        for rule in rules {
            let id = rule["id"].as_str().expect("id");
            assert!(
                rule["helpUri"]
                    .as_str()
                    .is_some_and(|uri| uri.ends_with(&format!("/rules/{id}.md")))
            );
        }
        results.extend(
            log["runs"][0]["results"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    // The cases above really exercised every part of a result.
    assert!(results.iter().any(|r| r["relatedLocations"].is_array()));
    assert!(results.iter().any(|r| {
        r["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
            .is_string()
    }));
    for level in ["error", "warning", "note"] {
        assert!(
            results.iter().any(|r| r["level"] == level),
            "no {level} result"
        );
    }
}

#[test]
fn sarif_of_a_clean_project_is_valid_too() {
    let text = stdout(&[
        "check",
        "--format",
        "sarif",
        "testdata/unmatched-emit/silent-basic",
    ]);
    let mut log: Value = serde_json::from_str(&text).expect("one JSON document");
    let validator = sarif_validator();
    assert!(validator.is_valid(&log));
    assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
    // The schema is really applied: a wrong version is refused.
    log["version"] = Value::from("2.0.0");
    assert!(!validator.is_valid(&log));
}

#[test]
fn github_escaping_matches_the_actions_toolkit() {
    use wirelint::report::github::{escape_data, escape_property};
    assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
    assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    // Escaping `%` first keeps an already-escaped-looking text as it was written.
    assert_eq!(escape_data("%0A"), "%250A");
}

#[test]
fn github_annotations_escape_file_names_and_messages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("web")).expect("mkdir");
    std::fs::create_dir_all(root.join("server")).expect("mkdir");
    std::fs::write(
        root.join("web/50%,done.ts"),
        "import { io } from \"socket.io-client\";\nconst socket = io();\nsocket.emit(\"a:b,c%d\\r\\ne\");\n",
    )
    .expect("write");
    std::fs::write(
        root.join("server/index.ts"),
        "import { Server } from \"socket.io\";\nconst io = new Server();\nio.on(\"connection\", (socket) => {\n  socket.on(\"hello\", () => {});\n});\n",
    )
    .expect("write");
    let output = wirelint()
        .current_dir(root)
        .args(["check", "--format", "github"])
        .output()
        .expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let line = text
        .lines()
        .find(|l| l.starts_with("::error "))
        .unwrap_or_else(|| panic!("an error annotation in:\n{text}"));
    assert!(
        line.starts_with(
            "::error file=web/50%25%2Cdone.ts,line=3,col=1,endLine=3,endColumn=27,title=unmatched-emit::"
        ),
        "{line}"
    );
    let (_, message) = line
        .split_once("title=unmatched-emit::")
        .expect("a message after the properties");
    assert!(
        message.starts_with("\"a:b,c%25d%0D%0Ae\" is emitted"),
        "{message}"
    );
    assert!(!text.contains('\r'));
    assert_eq!(text.lines().count(), text.matches("\n::").count() + 1);
}
