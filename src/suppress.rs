//! Suppression comments:
//!
//! - `// wirelint-ignore-next-line <rule>[, <rule>] -- reason`: the next line;
//! - `// wirelint-ignore-file <rule>`: the whole file;
//! - `// wirelint-disable <rule>` ... `// wirelint-enable`: the lines between (to the
//!   end of the file without an enable); `wirelint-enable <rule>` ends the blocks that
//!   name that rule.
//!
//! With no rule named, a directive covers every rule. Directives are found when a file
//! is read and kept with its facts (so the cache keeps them too); applying them also
//! says which ones suppressed nothing and which name no rule, reported as
//! `unused-suppression` and `unknown-rule-in-suppression`.

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{Directive, DirectiveKind, Span};
use crate::graph::{FileId, SourceFile};

const MARKER: &str = "wirelint-";

/// Every directive of a file's text.
pub fn directives(text: &str) -> Vec<Directive> {
    let mut out: Vec<Directive> = Vec::new();
    // Most files have none: a vectorised search, set up once, says so faster than
    // `str::contains`.
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(MARKER));
    if FINDER.find(text.as_bytes()).is_none() {
        return out;
    }
    let end_of_text = text.len() as u32;
    // Blocks still open: their index in `out`.
    let mut open: Vec<usize> = Vec::new();
    let mut line_start = 0usize;
    let mut pending_next_line: Vec<usize> = Vec::new();
    for line in text.split_inclusive('\n') {
        let line_end = line_start + line.len();
        // The previous line's `ignore-next-line` covers this one.
        for index in pending_next_line.drain(..) {
            out[index].covers = Span::new(line_start as u32, line_end as u32);
        }
        if let Some(parsed) = parse_line(line, line_start) {
            match parsed {
                Parsed::Directive(mut directive) => {
                    let index = out.len();
                    match directive.kind {
                        DirectiveKind::NextLine => pending_next_line.push(index),
                        DirectiveKind::File => directive.covers = Span::new(0, end_of_text),
                        DirectiveKind::Block => {
                            directive.covers = Span::new(line_start as u32, end_of_text);
                            open.push(index);
                        }
                    }
                    out.push(directive);
                }
                Parsed::Enable(rules) => open.retain(|&index| {
                    let block = &mut out[index];
                    let ends = rules.is_empty()
                        || block.rules.is_empty()
                        || block.rules.iter().any(|(rule, _)| rules.contains(rule));
                    if ends {
                        block.covers.end = line_start as u32;
                    }
                    !ends
                }),
            }
        }
        line_start = line_end;
    }
    out
}

enum Parsed {
    Directive(Directive),
    Enable(Vec<String>),
}

/// The directive in one line (`offset`: where the line starts in the text).
fn parse_line(line: &str, offset: usize) -> Option<Parsed> {
    let at = line.find(MARKER)?;
    let before = &line[..at];
    let comment_start = match (before.rfind("//"), before.rfind("/*")) {
        (Some(a), Some(b)) => a.max(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return None,
    };
    // Only spaces, `*` or `{` (JSX) between the comment's opening and the directive.
    let between = &before[comment_start + 2..];
    if !between.chars().all(|c| c.is_whitespace() || c == '*') {
        return None;
    }
    let directive = &line[at + MARKER.len()..];
    let (kind, rest) = if let Some(rest) = directive.strip_prefix("ignore-next-line") {
        (Some(DirectiveKind::NextLine), rest)
    } else if let Some(rest) = directive.strip_prefix("ignore-file") {
        (Some(DirectiveKind::File), rest)
    } else if let Some(rest) = directive.strip_prefix("disable") {
        (Some(DirectiveKind::Block), rest)
    } else if let Some(rest) = directive.strip_prefix("enable") {
        (None, rest)
    } else {
        return None;
    };
    // `ignore-next-lines`, `disabled`: another word.
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let rest_offset = offset + line.len() - rest.len();
    let rules = rules_of(rest, rest_offset);
    let Some(kind) = kind else {
        return Some(Parsed::Enable(rules.into_iter().map(|(r, _)| r).collect()));
    };
    let content_end = line.trim_end_matches(['\n', '\r']).len();
    let comment_end = match line[comment_start..].starts_with("/*") {
        true => line[comment_start..content_end]
            .find("*/")
            .map_or(content_end, |close| comment_start + close + 2),
        false => content_end,
    };
    let code_before = line[..comment_start].trim();
    let code_after = line[comment_end..content_end].trim();
    let alone = (code_before.is_empty() && code_after.is_empty())
        || (code_before == "{" && code_after == "}");
    let removal = if alone {
        Span::new(offset as u32, (offset + line.len()) as u32)
    } else {
        let start = line[..comment_start].trim_end().len();
        let start = if code_after.is_empty() {
            start
        } else {
            comment_start
        };
        Span::new((offset + start) as u32, (offset + comment_end) as u32)
    };
    Some(Parsed::Directive(Directive {
        kind,
        comment: Span::new(
            (offset + comment_start) as u32,
            (offset + comment_end) as u32,
        ),
        removal,
        covers: Span::default(),
        rules,
    }))
}

/// `unmatched-emit, ack-missing -- reason */` → the rule ids with their places; `*` or
/// none listed means all.
fn rules_of(rest: &str, offset: usize) -> Vec<(String, Span)> {
    let end = [rest.find("--"), rest.find("*/"), rest.find('\n')]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(rest.len());
    let list = &rest[..end];
    let mut out = Vec::new();
    let mut at = 0;
    for part in list.split([',', ' ', '\t', '\r']) {
        let start = at;
        at += part.len() + 1;
        if part.is_empty() || part == "*" {
            continue;
        }
        let start = offset + start;
        out.push((
            part.to_owned(),
            Span::new(start as u32, (start + part.len()) as u32),
        ));
    }
    out
}

/// Drops the diagnostics that a directive in their primary file suppresses, and adds
/// the findings about the directives themselves: rule ids that name no rule, and
/// directives (or ids in them) that suppressed nothing.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, files: &[SourceFile]) {
    // Per file with directives: per directive, whether each rule id (or, for one that
    // names none, the directive) suppressed something.
    let mut used: Vec<Vec<Vec<bool>>> = files
        .iter()
        .map(|file| {
            (file.facts.suppressions.iter())
                .map(|d| vec![false; d.rules.len().max(1)])
                .collect()
        })
        .collect();
    diagnostics.retain(|d| {
        let Some(directives) = files.get(d.file).map(|f| &f.facts.suppressions) else {
            return true;
        };
        let mut suppressed = false;
        for (index, directive) in directives.iter().enumerate() {
            let covers =
                directive.covers.start <= d.span.start && d.span.start < directive.covers.end;
            if !covers {
                continue;
            }
            let which = match directive.rules.is_empty() {
                true => Some(0),
                false => directive.rules.iter().position(|(rule, _)| rule == d.rule),
            };
            if let Some(which) = which {
                used[d.file][index][which] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    for (file, directives) in files.iter().map(|f| &f.facts.suppressions).enumerate() {
        for (index, directive) in directives.iter().enumerate() {
            report(diagnostics, file, directive, &used[file][index]);
        }
    }
}

/// The findings about one directive.
fn report(out: &mut Vec<Diagnostic>, file: FileId, directive: &Directive, used: &[bool]) {
    use crate::catalog::find;
    use crate::rules::{unknown_rule_in_suppression, unused_suppression};
    let mut unknown = false;
    for (rule, span) in &directive.rules {
        if find(rule).is_none() {
            unknown = true;
            out.push(unknown_rule_in_suppression::diagnostic(file, *span, rule));
        }
    }
    // A directive naming an unknown rule is wrong, not unused: one finding is enough.
    if unknown || used.iter().any(|&u| u) && used.iter().all(|&u| u) {
        return;
    }
    let whole = Edit {
        file,
        span: directive.removal,
        replacement: String::new(),
    };
    if !used.iter().any(|&u| u) {
        out.push(unused_suppression::diagnostic(
            file,
            directive.comment,
            None,
            Some(Fix {
                applicability: Applicability::Safe,
                description: "remove the suppression comment".to_owned(),
                edits: vec![whole],
            }),
        ));
        return;
    }
    // Some ids suppressed something: keep those, drop the others from the list.
    let (Some(first), Some(last)) = (directive.rules.first(), directive.rules.last()) else {
        return;
    };
    let kept: Vec<&str> = (directive.rules.iter().zip(used))
        .filter(|(_, u)| **u)
        .map(|((rule, _), _)| rule.as_str())
        .collect();
    let unused: Vec<&str> = (directive.rules.iter().zip(used))
        .filter(|(_, u)| !**u)
        .map(|((rule, _), _)| rule.as_str())
        .collect();
    out.push(unused_suppression::diagnostic(
        file,
        directive.comment,
        Some(&unused),
        Some(Fix {
            applicability: Applicability::Safe,
            description: format!("remove {} from the suppression comment", unused.join(", ")),
            edits: vec![Edit {
                file,
                span: Span::new(first.1.start, last.1.end),
                replacement: kept.join(", "),
            }],
        }),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str, directive: &Directive) -> String {
        text[directive.covers.start as usize..directive.covers.end as usize].to_owned()
    }

    #[test]
    fn next_line_file_and_block_directives() {
        let text = "a\n// wirelint-ignore-next-line unmatched-emit, ack-missing -- external client\nb\n/* wirelint-ignore-file reserved-event */\n// wirelint-disable\nc\n// wirelint-enable\nd\n";
        let found = directives(text);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].kind, DirectiveKind::NextLine);
        assert_eq!(covered(text, &found[0]), "b\n");
        let rules: Vec<&str> = found[0].rules.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(rules, ["unmatched-emit", "ack-missing"]);
        let (rule, span) = &found[0].rules[1];
        assert_eq!(&text[span.start as usize..span.end as usize], rule);
        assert_eq!(found[1].kind, DirectiveKind::File);
        assert_eq!(covered(text, &found[1]), text);
        assert_eq!(found[2].kind, DirectiveKind::Block);
        assert!(found[2].rules.is_empty());
        assert_eq!(covered(text, &found[2]), "// wirelint-disable\nc\n");
    }

    #[test]
    fn removal_takes_the_line_or_only_the_comment() {
        let text = "x();\n  // wirelint-ignore-next-line a\ny(); // wirelint-ignore-file b\n{/* wirelint-disable c */}\n";
        let found = directives(text);
        let removed = |d: &Directive| &text[d.removal.start as usize..d.removal.end as usize];
        assert_eq!(removed(&found[0]), "  // wirelint-ignore-next-line a\n");
        assert_eq!(removed(&found[1]), " // wirelint-ignore-file b");
        assert_eq!(removed(&found[2]), "{/* wirelint-disable c */}\n");
    }

    #[test]
    fn an_enable_ends_the_blocks_it_names() {
        let text = "// wirelint-disable a\n// wirelint-disable b\nx\n// wirelint-enable b\ny\n";
        let found = directives(text);
        assert_eq!(covered(text, &found[0]), text);
        assert_eq!(covered(text, &found[1]), "// wirelint-disable b\nx\n");
    }

    #[test]
    fn prose_that_mentions_a_directive_is_not_one() {
        assert!(
            directives("const s = \"wirelint-ignore-file\";\n// wirelint-ignore-files\n")
                .is_empty()
        );
    }
}
