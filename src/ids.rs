//! What findings and sites are located by, below every layer that names them: a file,
//! as its index in the run's file list, and a namespace after linking. The diagnostic
//! value every rule builds depends on these and on spans, not on the event graph.

/// A file of the run: its index in the list of files every later step receives.
pub type FileId = usize;

/// A namespace after resolution.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ns {
    Static(String),
    /// Unknown, or a dynamic (regex/function) server namespace: matches any.
    Any,
}

impl Ns {
    pub fn matches(&self, other: &Ns) -> bool {
        match (self, other) {
            (Ns::Static(a), Ns::Static(b)) => a == b,
            _ => true,
        }
    }

    /// ` in namespace "/x"` for messages; nothing when the namespace is unknown.
    pub fn clause(&self) -> String {
        match self {
            Ns::Static(name) => format!(" in namespace \"{name}\""),
            Ns::Any => String::new(),
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Ns::Static(name) => name,
            Ns::Any => "*",
        }
    }
}
