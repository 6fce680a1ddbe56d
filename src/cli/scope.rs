//! Which findings a run reports: `--select`/`--ignore`, `--baseline`, `--only-files` and
//! `--stdin-filename`. The same scope bounds what `--fix` and `--diff` touch, so a
//! pre-commit hook with `--fix` never edits findings it does not report.

use std::cell::Cell;
use std::path::PathBuf;

use wirelint::Analysis;
use wirelint::baseline::Baseline;

pub struct Scope {
    /// `--select`: only these rules (all when empty).
    pub select: Vec<&'static str>,
    /// `--ignore`: never these rules.
    pub ignore: Vec<&'static str>,
    pub baseline: Option<Baseline>,
    /// `--only-files` and `--stdin-filename`: findings touching these files only (all
    /// when empty).
    pub touching: Vec<PathBuf>,
    /// `--report-unused-suppressions`: `unused-suppression` findings are reported.
    pub unused_suppressions: bool,
    /// How many findings the baseline hid the last time the scope was applied.
    hidden_by_baseline: Cell<usize>,
}

impl Scope {
    pub fn new(
        select: Vec<&'static str>,
        ignore: Vec<&'static str>,
        baseline: Option<Baseline>,
        touching: Vec<PathBuf>,
        unused_suppressions: bool,
    ) -> Scope {
        Scope {
            select,
            ignore,
            baseline,
            touching,
            unused_suppressions,
            hidden_by_baseline: Cell::new(0),
        }
    }
}

impl Scope {
    /// Drops what the run does not report.
    pub fn apply(&self, analysis: &mut Analysis) {
        self.apply_rules(analysis);
        let hidden = match &self.baseline {
            Some(baseline) => baseline.apply(analysis),
            None => 0,
        };
        self.hidden_by_baseline.set(hidden);
        if !self.touching.is_empty() {
            analysis.retain_touching(&self.touching);
        }
    }

    /// `--select`, `--ignore` and `--report-unused-suppressions` alone (what
    /// `--write-baseline` records).
    pub fn apply_rules(&self, analysis: &mut Analysis) {
        analysis.diagnostics.retain(|d| {
            (self.select.is_empty() || self.select.contains(&d.rule))
                && !self.ignore.contains(&d.rule)
                && (self.unused_suppressions || d.rule != "unused-suppression")
        });
    }

    pub fn hidden_by_baseline(&self) -> usize {
        self.hidden_by_baseline.get()
    }
}
