//! `--format junit`: JUnit XML, which CI servers (GitLab, Jenkins, Azure Pipelines)
//! show as test results. One `<testsuite>` per file with findings and one `<testcase>`
//! per finding, named by its rule, as ESLint's junit formatter does; errors and
//! warnings are failures, infos are skipped cases so that they show without failing.
//! A run without findings is one passing case, so the report is never empty.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::Positions;
use crate::Analysis;
use crate::diagnostic::{Diagnostic, Severity};

pub fn render(analysis: &Analysis) -> String {
    let mut positions = Positions::new(analysis);
    // Files in path order (the diagnostics are already sorted by file and position).
    let mut by_file: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &analysis.diagnostics {
        by_file.entry(positions.path(d.file)).or_default().push(d);
    }
    let failures =
        |list: &[&Diagnostic]| list.iter().filter(|d| d.severity != Severity::Info).count();
    let all: Vec<&Diagnostic> = analysis.diagnostics.iter().collect();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"wirelint\" tests=\"{}\" failures=\"{}\">",
        all.len().max(1),
        failures(&all)
    );
    if by_file.is_empty() {
        out.push_str("  <testsuite name=\"wirelint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n");
        out.push_str("    <testcase name=\"wirelint\" classname=\"wirelint\"/>\n");
        out.push_str("  </testsuite>\n");
    }
    for (path, list) in &by_file {
        let skipped = list.len() - failures(list);
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{skipped}\">",
            escape(path),
            list.len(),
            failures(list)
        );
        for d in list {
            let at = positions.range(d.file, d.span);
            let mut body = format!(
                "{path}:{}:{}: {} [{}] {}",
                at.line,
                at.column,
                d.severity.as_str(),
                d.rule,
                d.message
            );
            for label in &d.labels {
                let _ = write!(
                    body,
                    "\n    {}: {}",
                    positions.location(label.file, label.span),
                    label.message
                );
            }
            if let Some(help) = &d.help {
                let _ = write!(body, "\nhelp: {help}");
            }
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{}:{}:{}\">",
                escape(&format!("wirelint.{}", d.rule)),
                escape(path),
                at.line,
                at.column
            );
            let element = if d.severity == Severity::Info {
                "skipped"
            } else {
                "failure"
            };
            let _ = writeln!(
                out,
                "      <{element} message=\"{}\" type=\"{}\">{}</{element}>",
                escape(&d.message),
                d.severity.as_str(),
                escape(&body)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Text for an XML attribute or element: the five predefined entities, and the
/// control characters XML 1.0 forbids dropped (a finding can quote any source text).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn xml_special_characters_are_escaped() {
        assert_eq!(
            escape("a < b && \"c\" > 'd'\u{1}"),
            "a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;"
        );
    }
}
