//! Every rule page's Bad example fires the rule and its Good example is clean, as
//! biome checks its doc examples.

use std::path::Path;

/// The `title="..."` code blocks of one `## <heading>` section.
fn blocks<'d>(doc: &'d str, heading: &str) -> Vec<(&'d str, String)> {
    let Some(start) = doc.find(&format!("\n## {heading}\n")) else {
        return Vec::new();
    };
    let section = &doc[start + heading.len() + 5..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut out = Vec::new();
    let mut rest = section;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        let Some(newline) = after.find('\n') else {
            break;
        };
        let info = &after[..newline];
        let body = &after[newline + 1..];
        let Some(close) = body.find("\n```") else {
            break;
        };
        if let Some(title) = info
            .split("title=\"")
            .nth(1)
            .and_then(|t| t.split('"').next())
        {
            out.push((title, body[..close + 1].to_owned()));
        }
        rest = &body[close + 4..];
    }
    out
}

fn run(blocks: &[(&str, String)]) -> wirelint::Analysis {
    let dir = tempfile::tempdir().expect("tempdir");
    for (title, body) in blocks {
        let path = dir.path().join(title);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("mkdir");
        std::fs::write(&path, body).expect("write");
    }
    wirelint::analyze(&[dir.path().to_path_buf()]).expect("analysable")
}

#[test]
fn bad_examples_fire_and_good_examples_are_clean() {
    let mut failures = Vec::new();
    for rule in wirelint::catalog::RULES {
        let bad = blocks(rule.doc, "Bad");
        let good = blocks(rule.doc, "Good");
        if bad.is_empty() || good.is_empty() {
            failures.push(format!(
                "rules/{}.md needs titled Bad and Good examples",
                rule.id
            ));
            continue;
        }
        let analysis = run(&bad);
        if !analysis.diagnostics.iter().any(|d| d.rule == rule.id) {
            failures.push(format!(
                "rules/{}.md: the Bad example does not fire; got {:?}",
                rule.id,
                analysis
                    .diagnostics
                    .iter()
                    .map(|d| d.rule)
                    .collect::<Vec<_>>()
            ));
        }
        let analysis = run(&good);
        if !analysis.diagnostics.is_empty() {
            failures.push(format!(
                "rules/{}.md: the Good example is not clean: {:?}",
                rule.id,
                analysis
                    .diagnostics
                    .iter()
                    .map(|d| format!("{}: {}", d.rule, d.message))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
