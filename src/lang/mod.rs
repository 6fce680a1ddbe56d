//! Language front-ends: the only code that knows a parser.

pub mod ts;

use crate::discover::FileKind;
use crate::facts::FileFacts;

/// `socket_wrappers`: names of functions the configuration says return a socket
/// (`[sockets]`), so that a call of one counts even where nothing defines it.
pub fn extract(text: &str, kind: FileKind, socket_wrappers: &[String]) -> FileFacts {
    match kind {
        FileKind::Rust => FileFacts::default(),
        _ => ts::extract(text, kind, socket_wrappers),
    }
}

/// Whether a (fixed) text still parses, with the parser's message when it does not.
pub fn check_syntax(text: &str, kind: FileKind) -> Result<(), String> {
    match extract(text, kind, &[]).parse_error {
        Some(error) => Err(error.message),
        None => Ok(()),
    }
}

/// Parses without extracting anything (the parser floor of the benchmarks).
pub fn parses(text: &str, kind: FileKind) -> bool {
    match kind {
        FileKind::Rust => true,
        _ => ts::parses(text, kind),
    }
}
