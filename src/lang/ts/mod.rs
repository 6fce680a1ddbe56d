//! The TypeScript/JavaScript front-end (swc).

mod extract;
mod flow;
mod names;
pub mod parse;
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
            loose_strings: loose_strings(text),
            parse_error: Some(error),
            ..FileFacts::default()
        },
    }
}

/// The quoted strings of a file that did not parse, found without a parser: any of them
/// may be an event name its broken code uses.
fn loose_strings(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let quote = bytes[i];
        if matches!(quote, b'"' | b'\'' | b'`') {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            if j < bytes.len() && bytes[j] == quote {
                if let Some(s) = text.get(start..j)
                    && !s.is_empty()
                    && s.len() < 200
                {
                    out.push(s.to_owned());
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out.sort();
    out.dedup();
    out
}

/// Parses and drops the tree, as the extraction would, without extracting.
pub fn parses(source: &str, kind: FileKind) -> bool {
    match script(source, kind) {
        Some((text, dialect)) => parse::parse(&text, dialect).is_ok(),
        None => true,
    }
}
