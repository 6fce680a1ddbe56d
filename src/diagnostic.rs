//! The one diagnostic value every rule builds and every output format renders. It
//! depends on ids and spans only: the files and namespaces it names (`crate::ids`) and
//! the rule that reports it (`crate::catalog`), never on the event graph or the checks.

use crate::catalog::Rule;
use crate::facts::Span;
use crate::ids::{FileId, Ns};

/// A finding's level, which starts as its rule's default (so the catalog defines it).
pub use crate::catalog::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Certainly what the user meant: applied by `--fix`.
    Safe,
    /// Probably right: applied only with `--unsafe-fixes`.
    Suggestion,
}

// Serialised only into the cache, which keeps the findings of the last run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Edit {
    pub file: FileId,
    pub span: Span,
    pub replacement: String,
}

// Serialised only into the cache, which keeps the findings of the last run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub description: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// Whether `--fix` applies it: it edits something, and it is safe or suggestions
    /// were asked for (`--unsafe-fixes`).
    pub fn applies(&self, unsafe_fixes: bool) -> bool {
        !self.edits.is_empty() && (self.applicability == Applicability::Safe || unsafe_fixes)
    }
}

// Serialised only into the cache, which keeps the findings of the last run.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// A rule's id. Named so that serde's derive does not take the field for text borrowed
/// from the input (it reads `rule_id` instead).
pub type RuleId = &'static str;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    #[serde(with = "rule_id")]
    pub rule: RuleId,
    pub severity: Severity,
    pub message: String,
    pub file: FileId,
    pub span: Span,
    pub event: Option<String>,
    pub namespace: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(rule: &Rule, file: FileId, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: rule.id,
            severity: rule.severity,
            message: message.into(),
            file,
            span,
            event: None,
            namespace: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn event(mut self, ns: &Ns, event: &str) -> Diagnostic {
        self.namespace = Some(ns.label().to_owned());
        self.event = Some(event.to_owned());
        self
    }

    pub fn label(mut self, file: FileId, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            file,
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, fix: Option<Fix>) -> Diagnostic {
        self.fix = fix;
        self
    }

    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }
}

/// A rule is stored by its id, and read back as the id of a rule this build has.
mod rule_id {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(id: &&'static str, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<&'static str, D::Error> {
        let id = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        crate::catalog::find(&id)
            .map(|rule| rule.id)
            .ok_or_else(|| D::Error::custom(format!("no rule `{id}`")))
    }
}
