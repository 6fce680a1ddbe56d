//! Checking a linked graph: the rules, then suppressions, the configured severities and
//! the severity adjustments (test code, code nothing calls), in the order the report
//! lists them.

use std::path::PathBuf;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::graph::{self, EventGraph, SourceFile};
use crate::{cache, facts, rules, severity, suppress};

/// What checking found, with the counts the summary line prints.
pub(crate) struct Findings {
    /// Sorted by file, offset, rule.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// How many distinct events (by namespace and name) are emitted or handled.
    pub(crate) events: usize,
    /// How many files did not parse.
    pub(crate) parse_errors: usize,
    /// Whether the code has Socket.IO sites on the client side and on the server side.
    pub(crate) sides: (bool, bool),
}

impl Findings {
    /// The findings of the run remembered in `memo`. The facts of files not read were
    /// not decoded either: the counts come along with the findings.
    pub(crate) fn reused(memo: &cache::Memo) -> Findings {
        Findings {
            diagnostics: memo.diagnostics.clone(),
            events: memo.events,
            parse_errors: memo.parse_errors,
            sides: memo.sides,
        }
    }

    /// These findings, to remember as those of a run whose inputs hash to `inputs`.
    pub(crate) fn memo(&self, inputs: u128) -> cache::Memo {
        cache::Memo {
            inputs,
            events: self.events,
            parse_errors: self.parse_errors,
            sides: self.sides,
            diagnostics: self.diagnostics.clone(),
        }
    }
}

/// Checks a linked graph. `roots`: the paths checked, which test paths are relative to
/// without a configuration file; `code`: see [`severity::adjust`].
pub(crate) fn check<'f>(
    graph: &EventGraph,
    files: &'f [SourceFile],
    roots: &[PathBuf],
    config: &Config,
    code: &(dyn Fn(graph::FileId, severity::Texts) -> severity::Code<'f> + Sync),
) -> Findings {
    Findings {
        diagnostics: diagnostics(graph, files, roots, config, code),
        events: graph.event_count(),
        parse_errors: files
            .iter()
            .filter(|f| f.facts.parse_error.is_some() && !f.facts.template)
            .count(),
        sides: sides_of(graph),
    }
}

/// The rules over a linked graph, with suppressions, configured severities and the
/// severity adjustments applied, sorted and without repeats.
fn diagnostics<'f>(
    graph: &EventGraph,
    files: &'f [SourceFile],
    roots: &[PathBuf],
    config: &Config,
    code: &(dyn Fn(graph::FileId, severity::Texts) -> severity::Code<'f> + Sync),
) -> Vec<Diagnostic> {
    let mut diagnostics = rules::run(&rules::Context::new(graph, files));
    suppress::apply(&mut diagnostics, files);
    config.apply(&mut diagnostics);
    let test_files = severity::test_files(files, &diagnostics, config, roots);
    severity::adjust(&mut diagnostics, files, &test_files, config, code);
    diagnostics.sort_by(|a, b| {
        (&files[a.file].path, a.span.start, a.rule, &a.message).cmp(&(
            &files[b.file].path,
            b.span.start,
            b.rule,
            &b.message,
        ))
    });
    // A site reached through several sockets (one helper used for two namespaces) is
    // still one place to fix: report it once per rule.
    diagnostics.dedup_by(|b, a| a.rule == b.rule && a.file == b.file && a.span == b.span);
    diagnostics
}

/// Whether a graph has Socket.IO sites (emits or handlers) on the client side and on
/// the server side.
fn sides_of(graph: &EventGraph) -> (bool, bool) {
    let sides = (graph.emits.iter().map(|e| e.side)).chain(graph.handlers.iter().map(|h| h.side));
    let mut seen = (false, false);
    for side in sides {
        match side {
            facts::Side::Client => seen.0 = true,
            facts::Side::Server => seen.1 = true,
        }
    }
    seen
}
