//! Baselines, for adopting wirelint in a repository that already has findings:
//! `--write-baseline FILE` records them, `--baseline FILE` hides them and reports only
//! new ones.
//!
//! A finding is keyed by rule, file, event and a hash of the source text at its primary
//! location, never by line: an edit elsewhere in the file moves lines but keeps the key.
//! Messages are left out of the key too, since they name lines in other files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::Analysis;
use crate::diagnostic::Diagnostic;

const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// Relative to the baseline file's directory, `/`-separated.
    file: String,
    rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    hash: String,
    /// Identical findings at identical text (the same emit copied twice).
    count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Key {
    file: String,
    rule: String,
    event: Option<String>,
    hash: String,
}

/// The recorded findings of a baseline file.
#[derive(Debug)]
pub struct Baseline {
    /// The directory entries' paths are relative to.
    base: PathBuf,
    findings: BTreeMap<Key, usize>,
}

/// FNV-1a, 64 bits: a hash that never changes between versions or platforms, which
/// std's `DefaultHasher` does not promise.
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A hash of the source text at a diagnostic's primary location, with whitespace runs
/// collapsed so that re-indenting the code keeps it.
pub fn site_hash(analysis: &Analysis, diagnostic: &Diagnostic) -> String {
    let text = analysis.files[diagnostic.file]
        .text
        .as_deref()
        .and_then(|text| text.get(diagnostic.span.start as usize..diagnostic.span.end as usize))
        .unwrap_or("");
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{:016x}", fnv1a(collapsed.bytes()))
}

fn key(analysis: &Analysis, base: &Path, diagnostic: &Diagnostic) -> Key {
    let path = crate::discover::absolute(&analysis.files[diagnostic.file].path);
    let file = match path.strip_prefix(base) {
        Ok(rel) => crate::discover::display_path(rel),
        Err(_) => crate::discover::display_path(&path),
    };
    Key {
        rule: diagnostic.rule.to_owned(),
        file,
        event: diagnostic.event.clone(),
        hash: site_hash(analysis, diagnostic),
    }
}

fn base_of(file: &Path) -> PathBuf {
    crate::discover::absolute(file)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Writes every finding of `analysis` to `file`; returns how many were recorded.
pub fn write(analysis: &Analysis, file: &Path) -> Result<usize, String> {
    let base = base_of(file);
    let mut findings: BTreeMap<Key, usize> = BTreeMap::new();
    for diagnostic in &analysis.diagnostics {
        *findings
            .entry(key(analysis, &base, diagnostic))
            .or_default() += 1;
    }
    let document = BaselineFile {
        version: VERSION,
        findings: findings
            .into_iter()
            .map(|(key, count)| Entry {
                rule: key.rule,
                file: key.file,
                event: key.event,
                hash: key.hash,
                count,
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document)
        .map_err(|e| format!("cannot write baseline {}: {e}", file.display()))?;
    text.push('\n');
    std::fs::write(file, text)
        .map_err(|e| format!("cannot write baseline {}: {e}", file.display()))?;
    Ok(analysis.diagnostics.len())
}

impl Baseline {
    pub fn load(file: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(file).map_err(|e| {
            format!(
                "cannot read baseline {}: {e} (write one with --write-baseline)",
                file.display()
            )
        })?;
        let document: BaselineFile = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{} is not a wirelint baseline: {e} (write a new one with --write-baseline)",
                file.display()
            )
        })?;
        if document.version != VERSION {
            return Err(format!(
                "{} is a version {} baseline; this wirelint reads version {VERSION} \
                 (write a new one with --write-baseline)",
                file.display(),
                document.version
            ));
        }
        let mut findings = BTreeMap::new();
        for entry in document.findings {
            let key = Key {
                rule: entry.rule,
                file: entry.file,
                event: entry.event,
                hash: entry.hash,
            };
            *findings.entry(key).or_default() += entry.count;
        }
        Ok(Baseline {
            base: base_of(file),
            findings,
        })
    }

    /// Drops the findings the baseline records, each at most as often as recorded, so a
    /// second copy of a known bug is still reported. Returns how many were dropped.
    pub fn apply(&self, analysis: &mut Analysis) -> usize {
        let mut remaining = self.findings.clone();
        let keep: Vec<bool> = analysis
            .diagnostics
            .iter()
            .map(|d| match remaining.get_mut(&key(analysis, &self.base, d)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            })
            .collect();
        let before = analysis.diagnostics.len();
        let mut keep = keep.into_iter();
        analysis.diagnostics.retain(|_| keep.next().unwrap_or(true));
        before - analysis.diagnostics.len()
    }
}

#[cfg(test)]
mod tests {
    use super::fnv1a;

    #[test]
    fn fnv1a_is_the_published_function() {
        assert_eq!(fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(*b"foobar"), 0x8594_4171_f739_67e8);
    }
}
