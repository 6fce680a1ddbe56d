//! `// wirelint-ignore-next-line <rule>[, <rule>] -- reason` and
//! `// wirelint-ignore-file <rule>` comments.

use crate::source::LineIndex;

#[derive(Debug, Default)]
pub struct Suppressions {
    /// Rules ignored in the whole file (`*` for all).
    file: Vec<String>,
    /// (line the directive applies to, rules).
    lines: Vec<(u32, Vec<String>)>,
}

impl Suppressions {
    pub fn parse(text: &str) -> Suppressions {
        let mut out = Suppressions::default();
        if !text.contains("wirelint-ignore") {
            return out;
        }
        for (number, line) in text.lines().enumerate() {
            let Some(at) = line.find("wirelint-ignore") else {
                continue;
            };
            let before = &line[..at];
            if !(before.contains("//") || before.contains("/*")) {
                continue;
            }
            let directive = &line[at + "wirelint-ignore".len()..];
            let (target_line, rest) = if let Some(rest) = directive.strip_prefix("-next-line") {
                (Some(number as u32 + 2), rest)
            } else if let Some(rest) = directive.strip_prefix("-file") {
                (None, rest)
            } else {
                continue;
            };
            let rules = rules_of(rest);
            match target_line {
                Some(line) => out.lines.push((line, rules)),
                None => out.file.extend(rules),
            }
        }
        out
    }

    pub fn is_suppressed(&self, rule: &str, line: u32) -> bool {
        let matches = |rules: &[String]| rules.iter().any(|r| r == rule || r == "*");
        matches(&self.file)
            || self
                .lines
                .iter()
                .any(|(target, rules)| *target == line && matches(rules))
    }

    /// Whether any directive is present at all (most files have none).
    pub fn is_empty(&self) -> bool {
        self.file.is_empty() && self.lines.is_empty()
    }
}

/// `unmatched-emit, ack-missing -- reason */` → the rule ids; none listed means all.
fn rules_of(rest: &str) -> Vec<String> {
    let rest = rest.split("--").next().unwrap_or("");
    let rest = rest.split("*/").next().unwrap_or("");
    let rules: Vec<String> = rest
        .split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned)
        .collect();
    if rules.is_empty() {
        vec!["*".to_owned()]
    } else {
        rules
    }
}

/// Drops the diagnostics that a directive in their primary file suppresses.
pub fn apply(
    diagnostics: &mut Vec<crate::diagnostic::Diagnostic>,
    files: &[crate::graph::SourceFile],
) {
    let mut cache: std::collections::HashMap<usize, (Suppressions, LineIndex)> =
        std::collections::HashMap::new();
    diagnostics.retain(|d| {
        let Some(text) = files[d.file].text.as_deref() else {
            return true;
        };
        let (suppressions, index) = cache
            .entry(d.file)
            .or_insert_with(|| (Suppressions::parse(text), LineIndex::new(text)));
        if suppressions.is_empty() {
            return true;
        }
        let (line, _) = index.position(text, d.span.start);
        !suppressions.is_suppressed(d.rule, line)
    });
}

#[cfg(test)]
mod tests {
    use super::Suppressions;

    #[test]
    fn next_line_and_file_directives() {
        let text = "a\n// wirelint-ignore-next-line unmatched-emit, ack-missing -- external client\nb\n/* wirelint-ignore-file reserved-event */\n";
        let s = Suppressions::parse(text);
        assert!(s.is_suppressed("unmatched-emit", 3));
        assert!(s.is_suppressed("ack-missing", 3));
        assert!(!s.is_suppressed("unmatched-emit", 4));
        assert!(s.is_suppressed("reserved-event", 1));
        assert!(!s.is_suppressed("parse-error", 3));
    }
}
