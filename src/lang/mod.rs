//! Language front-ends: the only code that knows a parser.

pub mod ts;

use crate::discover::FileKind;
use crate::facts::FileFacts;

pub fn extract(text: &str, kind: FileKind) -> FileFacts {
    match kind {
        FileKind::Rust => FileFacts::default(),
        _ => ts::extract(text, kind),
    }
}
