//! The docs shipped in `docs/` agree with the code: the rule catalogue is generated from
//! the registry and the rule pages, and the JSON example has the fields the JSON
//! output has.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::wirelint;

#[test]
fn the_rule_catalogue_is_up_to_date() {
    let generated = wirelint::catalog::catalogue();
    if std::env::var_os("WIRELINT_UPDATE_DOCS").is_some() {
        std::fs::write("docs/rules.md", &generated).expect("write docs/rules.md");
    }
    let shipped = std::fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        shipped == generated,
        "docs/rules.md is out of date: run `WIRELINT_UPDATE_DOCS=1 cargo test --test it docs`"
    );
}

/// Every page's header says the registry's severity, whether a fix exists, and where the
/// finding points.
#[test]
fn every_rule_page_header_agrees_with_the_registry() {
    use wirelint::catalog::{FixAvailability, RULES};
    for rule in RULES {
        let severity = rule.header("Severity").unwrap_or_default();
        assert!(
            severity.starts_with(rule.severity.as_str()),
            "rules/{}.md says severity {severity:?}, the rule {:?}",
            rule.id,
            rule.severity
        );
        let fix = rule.header("Fix").unwrap_or_default();
        let none = fix == "none";
        assert_eq!(
            none,
            rule.fix == FixAvailability::None,
            "rules/{}.md says fix {fix:?}, the rule {:?}",
            rule.id,
            rule.fix
        );
        assert!(
            none || fix.starts_with("safe") || fix.starts_with("suggestion"),
            "rules/{}.md: a fix is `safe` or `suggestion`, not {fix:?}",
            rule.id
        );
        assert!(
            rule.header("Points at").is_some(),
            "rules/{}.md says where the finding points (`· **Points at:** ...`)",
            rule.id
        );
    }
}

/// The keys of every object in a JSON value, by path (array items share a path).
fn shape(value: &Value, path: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                let path = format!("{path}.{key}");
                out.insert(path.clone());
                shape(value, &path, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                shape(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The ```json blocks of a markdown file.
fn json_blocks(text: &str) -> Vec<Value> {
    text.split("```json\n")
        .skip(1)
        .filter_map(|rest| rest.split("\n```").next())
        .map(|block| serde_json::from_str(block).expect("the doc's JSON examples parse"))
        .collect()
}

#[test]
fn the_json_doc_shows_the_fields_the_output_has() {
    let doc = std::fs::read_to_string("docs/json-output.md").expect("docs/json-output.md");
    let examples = json_blocks(&doc);
    assert_eq!(examples.len(), 2, "one example of `check`, one of `graph`");
    let output = |args: &[&str]| -> Value {
        let output = wirelint().args(args).output().expect("runs");
        serde_json::from_slice(&output.stdout).expect("one JSON document")
    };
    let check = output(&["check", "--format", "json", "testdata/chatlite"]);
    let graph = output(&["graph", "--format", "json", "testdata/chatlite"]);
    for (example, real) in examples.iter().zip([check, graph]) {
        let (mut documented, mut produced) = (BTreeSet::new(), BTreeSet::new());
        shape(example, "", &mut documented);
        shape(&real, "", &mut produced);
        // The sample app has no fix with a null description, but every key it has must
        // be documented, and the doc must not show keys the output lacks.
        assert_eq!(
            documented, produced,
            "docs/json-output.md and the output of testdata/chatlite differ"
        );
    }
}

/// Every fix a rule offers on the fixtures has the applicability its page promises
/// (`safe` or `suggestion`): a fix resting on a guess is never applied unasked.
#[test]
fn fixes_are_as_safe_as_the_rule_pages_say() {
    let mut cases = vec![std::path::PathBuf::from("testdata/chatlite")];
    for rule in wirelint::catalog::RULES {
        let Ok(dir) = std::fs::read_dir(std::path::Path::new("testdata").join(rule.id)) else {
            continue;
        };
        cases.extend(dir.flatten().map(|case| case.path()));
    }
    for case in cases {
        let analysis = wirelint::analyze(std::slice::from_ref(&case)).expect("analysable");
        for d in &analysis.diagnostics {
            let (Some(fix), Some(rule)) = (&d.fix, wirelint::catalog::find(d.rule)) else {
                continue;
            };
            let promised = rule.header("Fix").unwrap_or_default();
            let offered = match fix.applicability {
                wirelint::diagnostic::Applicability::Safe => "safe",
                wirelint::diagnostic::Applicability::Suggestion => "suggestion",
            };
            assert!(
                promised.starts_with(offered),
                "{}: [{}] offers a {offered} fix, rules/{}.md says {promised:?}",
                case.display(),
                d.rule,
                d.rule
            );
        }
    }
}

/// The README's sample output is what `wirelint check testdata/chatlite` prints (not on
/// a terminal: no colour, the fixed width). `WIRELINT_UPDATE_DOCS=1` rewrites it.
#[test]
fn the_readme_shows_the_real_output_of_the_sample() {
    const START: &str = "```console\n$ wirelint check testdata/chatlite\n";
    let output = wirelint()
        .args(["check", "testdata/chatlite"])
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm")
        .output()
        .expect("runs");
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    readme_block_holds(START, &printed, "sample output");
}

/// The README's Tauri trace is what `wirelint trace export_notes testdata/tauri-notes`
/// prints. `WIRELINT_UPDATE_DOCS=1` rewrites it.
#[test]
fn the_readme_shows_the_real_tauri_trace() {
    const START: &str = "```console\n$ wirelint trace export_notes testdata/tauri-notes\n";
    let output = wirelint()
        .args([
            "trace",
            "export_notes",
            "--no-cache",
            "testdata/tauri-notes",
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    let printed = String::from_utf8(output.stdout).expect("utf-8");
    readme_block_holds(START, &printed, "Tauri trace");
}

/// The README's console block opened by `opening` holds `printed`, or is rewritten to
/// hold it under `WIRELINT_UPDATE_DOCS=1`; `what` names the block.
fn readme_block_holds(opening: &str, printed: &str, what: &str) {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find(opening)
        .unwrap_or_else(|| panic!("the README shows the {what}"))
        + opening.len();
    let end = start + readme[start..].find("```\n").expect("the block ends");
    if std::env::var_os("WIRELINT_UPDATE_DOCS").is_some() && readme[start..end] != *printed {
        let updated = format!("{}{printed}{}", &readme[..start], &readme[end..]);
        std::fs::write("README.md", updated).expect("write README.md");
        return;
    }
    assert!(
        readme[start..end] == *printed,
        "README.md's {what} is out of date: run `WIRELINT_UPDATE_DOCS=1 cargo test --test it docs`\n{printed}"
    );
}
