//! The TypeScript/JavaScript front-end (swc).

mod extract;
mod flow;
mod names;
pub mod parse;
pub mod sfc;
mod sockets;

use crate::discover::FileKind;
use crate::facts::FileFacts;
use parse::Dialect;

/// Parses one file and extracts its facts; the AST is dropped before returning.
pub fn extract(source: &str, kind: FileKind) -> FileFacts {
    let masked;
    let (text, dialect) = match kind {
        FileKind::Ts => (source, Dialect::Ts),
        FileKind::Tsx => (source, Dialect::Tsx),
        FileKind::Dts => (source, Dialect::Dts),
        FileKind::Js => (source, Dialect::Js),
        FileKind::Vue | FileKind::Svelte => match sfc::mask_to_scripts(source) {
            // Masking keeps every byte offset, so positions need no mapping back.
            Some((text, lang)) => {
                masked = text;
                let dialect = match lang {
                    sfc::ScriptLang::Ts => Dialect::Ts,
                    sfc::ScriptLang::Tsx => Dialect::Tsx,
                    sfc::ScriptLang::Js | sfc::ScriptLang::Jsx => Dialect::Js,
                };
                (masked.as_str(), dialect)
            }
            None => return FileFacts::default(),
        },
        FileKind::Rust => return FileFacts::default(),
    };
    let len = text.len() as u32;
    match parse::parse(text, dialect) {
        Ok(program) => {
            let mut extractor = extract::Extractor::new(len, dialect == Dialect::Dts);
            extractor.run(&program);
            extractor.facts
        }
        Err(error) => FileFacts {
            loose_strings: super::loose_strings(text),
            parse_error: Some(error),
            ..FileFacts::default()
        },
    }
}
