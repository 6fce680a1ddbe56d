//! The TypeScript/JavaScript front-end (swc).

mod extract;
mod flow;
mod names;
pub mod parse;
mod races;
pub mod sfc;
mod sockets;

use std::borrow::Cow;

use crate::discover::FileKind;
use crate::facts::FileFacts;
use parse::Dialect;

/// The text to parse and its dialect; `None` for a file with no script. Masking the
/// markup of `.vue`/`.svelte` files keeps every byte offset, so positions need no
/// mapping back.
fn script(source: &str, kind: FileKind) -> Option<(Cow<'_, str>, Dialect)> {
    let dialect = match kind {
        FileKind::Ts => Dialect::Ts,
        FileKind::Tsx => Dialect::Tsx,
        FileKind::Dts => Dialect::Dts,
        FileKind::Js => Dialect::Js,
        FileKind::Vue | FileKind::Svelte => {
            let (text, lang) = sfc::mask_to_scripts(source)?;
            let dialect = match lang {
                sfc::ScriptLang::Ts => Dialect::Ts,
                sfc::ScriptLang::Tsx => Dialect::Tsx,
                sfc::ScriptLang::Js | sfc::ScriptLang::Jsx => Dialect::Js,
            };
            return Some((Cow::Owned(text), dialect));
        }
        FileKind::Rust => return None,
    };
    Some((Cow::Borrowed(source), dialect))
}

/// Parses one file and extracts its facts; the AST is dropped before returning.
pub fn extract(source: &str, kind: FileKind, socket_wrappers: &[String]) -> FileFacts {
    let Some((text, dialect)) = script(source, kind) else {
        return FileFacts::default();
    };
    let text = text.as_ref();
    let len = text.len() as u32;
    match parse::parse(text, dialect) {
        Ok(program) => {
            let mut extractor =
                extract::Extractor::new(len, dialect == Dialect::Dts, socket_wrappers);
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

/// Parses and drops the tree, as the extraction would, without extracting.
pub fn parses(source: &str, kind: FileKind) -> bool {
    match script(source, kind) {
        Some((text, dialect)) => parse::parse(&text, dialect).is_ok(),
        None => true,
    }
}
