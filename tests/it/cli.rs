//! End-to-end tests of the real binary.

use crate::wirelint;
use serde_json::Value;

fn json(args: &[&str]) -> (Value, i32) {
    let output = wirelint().args(args).output().expect("runs");
    let value: Value = serde_json::from_slice(&output.stdout).expect("stdout is one JSON document");
    (value, output.status.code().unwrap_or(-1))
}

/// The fields and types `docs/json-output.md` promises.
fn assert_valid_output(doc: &Value) {
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["tool"]["name"], "wirelint");
    assert!(doc["tool"]["version"].is_string());
    assert!(doc["root"].is_string());
    let location = |v: &Value| {
        assert!(v["file"].is_string(), "{v}");
        for key in [
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "end_offset",
        ] {
            assert!(v[key].is_u64(), "{key} in {v}");
        }
        assert!(v["line"].as_u64() >= Some(1) && v["column"].as_u64() >= Some(1));
        assert!(v["offset"].as_u64() <= v["end_offset"].as_u64());
    };
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics array");
    for d in diagnostics {
        assert!(d["rule"].is_string());
        assert!(matches!(
            d["severity"].as_str(),
            Some("error" | "warning" | "info")
        ));
        assert!(d["message"].is_string());
        location(d);
        for label in d["labels"].as_array().expect("labels array") {
            location(label);
            assert!(label["message"].is_string());
        }
        assert!(d["help"].is_string() || d["help"].is_null());
        if !d["fix"].is_null() {
            let fix = &d["fix"];
            assert!(matches!(
                fix["applicability"].as_str(),
                Some("safe" | "suggestion")
            ));
            assert!(fix["description"].is_string());
            for edit in fix["edits"].as_array().expect("edits") {
                location(edit);
                assert!(edit["replacement"].is_string());
            }
        }
    }
    let key = |d: &Value| {
        (
            d["file"].as_str().unwrap_or_default().to_owned(),
            d["offset"].as_u64(),
            d["rule"].as_str().unwrap_or_default().to_owned(),
        )
    };
    let keys: Vec<_> = diagnostics.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "diagnostics are sorted by file, offset, rule");
    for key in [
        "files",
        "parse_errors",
        "events",
        "errors",
        "warnings",
        "infos",
    ] {
        assert!(doc["summary"][key].is_u64(), "summary.{key}");
    }
}

#[test]
fn chatlite_reports_the_seeded_bug_at_both_ends() {
    let (doc, code) = json(&["check", "--format", "json", "testdata/chatlite"]);
    assert_eq!(code, 1, "an error-severity finding fails the run");
    assert_valid_output(&doc);
    let diagnostics = doc["diagnostics"].as_array().expect("array");
    // One bug, one finding: the misspelt emit, with the handler it was meant for.
    let emit = diagnostics
        .iter()
        .find(|d| d["rule"] == "event-name-mismatch")
        .expect("event-name-mismatch is reported");
    assert_eq!(emit["event"], "message:new");
    assert_eq!(emit["namespace"], "/");
    assert_eq!(emit["file"], "testdata/chatlite/web/src/store/chat.ts");
    assert_eq!(
        emit["labels"][0]["file"],
        "testdata/chatlite/server/src/socket.ts"
    );
    assert!(
        emit["labels"][0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("message:create"))
    );
    assert_eq!(emit["fix"]["applicability"], "suggestion");
    assert_eq!(emit["fix"]["edits"][0]["replacement"], "\"message:create\"");
    assert_eq!(
        diagnostics.len(),
        1,
        "the sample has a single seeded bug: {doc:#}"
    );
    assert_eq!(doc["summary"]["errors"], 1);
    assert_eq!(doc["summary"]["warnings"], 0);
}

#[test]
fn human_output_shows_both_files_and_a_summary() {
    let output = wirelint()
        .args(["check", "testdata/chatlite"])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("error[event-name-mismatch]"));
    assert!(text.contains("testdata/chatlite/web/src/store/chat.ts:80:3"));
    assert!(text.contains("testdata/chatlite/server/src/socket.ts:47:5"));
    assert!(text.contains("rename the emitted \"message:new\" to \"message:create\""));
    assert!(text.contains("wirelint: 1 error, 0 warnings, 0 infos in"));
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let run = |threads: &str| {
        wirelint()
            .args(["check", "--format", "json", "testdata"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .expect("runs")
            .stdout
    };
    assert_eq!(run("1"), run("4"));
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let output = wirelint()
        .args(["check", "no/such/dir"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no/such/dir"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_clean_project_exits_zero() {
    let (doc, code) = json(&[
        "check",
        "--format",
        "json",
        "testdata/unmatched-emit/silent-basic",
    ]);
    assert_eq!(code, 0);
    assert_valid_output(&doc);
    assert_eq!(doc["diagnostics"].as_array().map(Vec::len), Some(0));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let case = "testdata/unmatched-handler/fires-server-handler-never-emitted";
    let code = |extra: &[&str]| {
        let mut args = vec!["check", case];
        args.extend_from_slice(extra);
        wirelint().args(&args).output().expect("runs").status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--deny-warnings"]), Some(1));
}

#[test]
fn a_broken_file_is_one_parse_error_and_the_rest_is_checked() {
    let (doc, code) = json(&[
        "check",
        "--format",
        "json",
        "testdata/parse-error/fires-broken-tsx",
    ]);
    assert_eq!(code, 1);
    assert_valid_output(&doc);
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["rule"].as_str())
        .collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "parse-error").count(),
        1,
        "{rules:?}"
    );
    assert!(rules.contains(&"unmatched-emit"), "{rules:?}");
    assert_eq!(doc["summary"]["parse_errors"], 1);
}

#[test]
fn rules_lists_every_rule_and_prints_one_page() {
    let output = wirelint().arg("rules").output().expect("runs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for rule in wirelint::catalog::RULES {
        assert!(
            text.contains(rule.id),
            "{} missing from `wirelint rules`",
            rule.id
        );
    }
    let page = wirelint()
        .args(["rules", "unmatched-emit"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&page.stdout).starts_with("# unmatched-emit"));
    let unknown = wirelint().args(["rules", "nope"]).output().expect("runs");
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn graph_formats() {
    let (doc, code) = json(&["graph", "--format", "json", "testdata/chatlite"]);
    assert_eq!(code, 0);
    assert_eq!(doc["version"], 2);
    let events = doc["events"].as_array().expect("events");
    let join = events
        .iter()
        .find(|e| e["event"] == "conversation:join")
        .expect("conversation:join is in the graph");
    assert_eq!(join["namespace"], "/");
    assert_eq!(join["emits"][0]["side"], "client");
    assert_eq!(join["emits"][0]["ack"], true);
    assert_eq!(join["handlers"][0]["side"], "server");
    // chatlite's web/ and server/ are one app.
    let apps = doc["apps"].as_array().expect("apps");
    assert_eq!(apps.len(), 1);
    assert_eq!(join["app"], apps[0]["id"]);
    assert!(apps[0]["files"].as_array().expect("files").iter().any(|f| {
        f.as_str()
            .is_some_and(|f| f.ends_with("server/src/socket.ts"))
    }));
    for format in ["dot", "mermaid"] {
        let output = wirelint()
            .args(["graph", "--format", format, "testdata/chatlite"])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&output.stdout).contains("conversation:join"));
    }
}
