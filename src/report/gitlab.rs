//! `--format gitlab`: GitLab's Code Quality report (a JSON array of issues, the
//! subset of the Code Climate format GitLab reads), for `artifacts: reports:
//! codequality:` in `.gitlab-ci.yml`. Each issue has a fingerprint that stays the same
//! while the finding does (rule, file, event and the text at the finding, not the
//! line), so GitLab can tell new findings from old ones across merge requests.

use std::collections::HashMap;

use serde::Serialize;

use super::Positions;
use crate::Analysis;
use crate::diagnostic::Severity;

#[derive(Serialize)]
struct Issue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: Location,
}

#[derive(Serialize)]
struct Location {
    path: String,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    // Two findings with the same key (one rule twice on the same text in one file)
    // get their rank among their namesakes in the key, so fingerprints are unique.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let issues: Vec<Issue> = analysis
        .diagnostics
        .iter()
        .map(|d| {
            let path = positions.path(d.file);
            let at = positions.range(d.file, d.span);
            let key = format!(
                "{}\0{path}\0{}\0{}",
                d.rule,
                d.event.as_deref().unwrap_or(""),
                crate::baseline::site_hash(analysis, d)
            );
            let rank = seen.entry(key.clone()).or_default();
            *rank += 1;
            let fingerprint = format!(
                "{:032x}",
                xxhash_rust::xxh3::xxh3_128(format!("{key}\0{rank}").as_bytes())
            );
            let mut description = d.message.clone();
            if let Some(help) = &d.help {
                description.push_str(" (help: ");
                description.push_str(help);
                description.push(')');
            }
            Issue {
                description,
                check_name: d.rule,
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path,
                    lines: Lines {
                        begin: at.line,
                        end: at.end_line,
                    },
                },
            }
        })
        .collect();
    let mut json = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_owned());
    json.push('\n');
    json
}
