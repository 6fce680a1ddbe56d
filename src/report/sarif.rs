//! `--format sarif`: one SARIF 2.1.0 log with one run, as GitHub code scanning and other
//! SARIF viewers read it. Typed structs rather than `json!` so that key order never
//! depends on serde_json features turned on elsewhere in the dependency tree.

use serde::Serialize;

use super::{Positions, Range};
use crate::Analysis;
use crate::catalog::{RULES, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::Span;
use crate::graph::FileId;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    /// Our columns count UTF-16 code units, as the JSON output's do.
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    short_description: Text,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    /// The baseline's line-independent hash, so code scanning follows an alert when
    /// unrelated edits move it.
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "wirelintSiteHash/v1")]
    site_hash: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    byte_offset: u32,
    byte_length: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: ByteRegion,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ByteRegion {
    byte_offset: u32,
    byte_length: u32,
}

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    let results = analysis
        .diagnostics
        .iter()
        .map(|d| result(analysis, &mut positions, d))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "wirelint",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: super::REPOSITORY,
                    rules: RULES.iter().map(|rule| descriptor(rule)).collect(),
                },
            },
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".to_owned());
    text.push('\n');
    text
}

fn descriptor(rule: &Rule) -> Descriptor {
    Descriptor {
        id: rule.id,
        short_description: Text {
            text: rule.summary.to_owned(),
        },
        help_uri: super::rule_doc_url(rule.id),
        default_configuration: Configuration {
            level: level(rule.severity),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result<'a>(
    analysis: &Analysis,
    positions: &mut Positions,
    d: &'a Diagnostic,
) -> SarifResult<'a> {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    SarifResult {
        rule_id: d.rule,
        rule_index: RULES.iter().position(|rule| rule.id == d.rule),
        level: level(d.severity),
        message: Text { text: message },
        locations: vec![Location {
            id: None,
            physical_location: physical(positions, d.file, d.span),
            message: None,
        }],
        related_locations: d
            .labels
            .iter()
            .enumerate()
            .map(|(i, label)| Location {
                id: Some(i),
                physical_location: physical(positions, label.file, label.span),
                message: Some(Text {
                    text: label.message.clone(),
                }),
            })
            .collect(),
        partial_fingerprints: Fingerprints {
            site_hash: crate::baseline::site_hash(analysis, d),
        },
        fixes: d
            .fix
            .iter()
            .map(|fix| {
                // SARIF groups replacements by file; keep the files in edit order.
                let mut changes: Vec<(FileId, ArtifactChange)> = Vec::new();
                for edit in &fix.edits {
                    let replacement = Replacement {
                        deleted_region: ByteRegion {
                            byte_offset: edit.span.start,
                            byte_length: edit.span.end.saturating_sub(edit.span.start),
                        },
                        inserted_content: Text {
                            text: edit.replacement.clone(),
                        },
                    };
                    match changes.iter_mut().find(|(file, _)| *file == edit.file) {
                        Some((_, change)) => change.replacements.push(replacement),
                        None => changes.push((
                            edit.file,
                            ArtifactChange {
                                artifact_location: ArtifactLocation {
                                    uri: artifact_uri(&positions.path(edit.file)),
                                },
                                replacements: vec![replacement],
                            },
                        )),
                    }
                }
                Fix {
                    description: Text {
                        text: fix.description.clone(),
                    },
                    artifact_changes: changes.into_iter().map(|(_, change)| change).collect(),
                }
            })
            .collect(),
    }
}

fn physical(positions: &mut Positions, file: FileId, span: Span) -> PhysicalLocation {
    let Range {
        line,
        column,
        end_line,
        end_column,
    } = positions.range(file, span);
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: artifact_uri(&positions.path(file)),
        },
        region: Region {
            start_line: line,
            start_column: column,
            end_line,
            end_column,
            byte_offset: span.start,
            byte_length: span.end.saturating_sub(span.start),
        },
    }
}

/// A `/`-separated path as a URI: relative paths stay relative (consumers resolve them
/// against the checkout), absolute ones become `file://` URIs.
fn artifact_uri(path: &str) -> String {
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        // `C:/src/a.ts`: the drive's colon is part of the path, not a scheme.
        return format!("file:///{}:{}", &path[..1], encode(&path[2..]));
    }
    if path.starts_with('/') {
        return format!("file://{}", encode(path));
    }
    encode(path)
}

/// Percent-encodes everything but unreserved characters and `/`; a `:` in a relative
/// path would otherwise read as a scheme.
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn paths_become_uris() {
        assert_eq!(artifact_uri("web/src/a.ts"), "web/src/a.ts");
        assert_eq!(artifact_uri("../x/a b.ts"), "../x/a%20b.ts");
        assert_eq!(artifact_uri("c:d/é.ts"), "c%3Ad/%C3%A9.ts");
        assert_eq!(artifact_uri("/home/u/a.ts"), "file:///home/u/a.ts");
        assert_eq!(artifact_uri("C:/src/a.ts"), "file:///C:/src/a.ts");
        assert_eq!(artifact_uri("web/a:b.ts"), "web/a%3Ab.ts");
    }
}
