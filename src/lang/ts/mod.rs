//! The TypeScript/JavaScript front-end (swc).

mod constructors;
mod data;
mod extract;
mod flow;
mod getters;
mod hosted;
mod maps;
mod names;
mod nest;
pub mod parse;
mod prototypes;
mod races;
pub mod sfc;
mod socket_types;
mod sockets;
mod stores;
mod tauri;
mod text;
mod wrappers;

use std::borrow::Cow;

use super::Bodies;
use crate::discover::FileKind;
use crate::facts::{FileFacts, ParseError, Side};
use crate::package::SelfPackage;
use parse::Dialect;

/// The text to parse and its dialect; `None` for a file with no script. Masking the
/// markup of `.vue`/`.svelte`/`.html` files keeps every byte offset, so positions need
/// no mapping back.
fn script(source: &str, kind: FileKind) -> Option<(Cow<'_, str>, Dialect)> {
    let dialect = match kind {
        FileKind::Ts => Dialect::Ts,
        FileKind::Tsx => Dialect::Tsx,
        FileKind::Dts => Dialect::Dts,
        FileKind::Js => Dialect::Js,
        FileKind::Html if !sfc::may_use_socketio(source) => return None,
        FileKind::Vue | FileKind::Svelte | FileKind::Html => {
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
/// `package`: the socket.io package the file belongs to, whose imports of itself are
/// imports of that package.
pub fn extract(
    source: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&SelfPackage>,
) -> FileFacts {
    extract_with(source, kind, socket_wrappers, package, Bodies::Summarized)
}

/// [`extract`], summarizing function bodies now or leaving them for later.
pub(crate) fn extract_with(
    source: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&SelfPackage>,
    bodies: Bodies,
) -> FileFacts {
    let Some((text, dialect)) = script(source, kind) else {
        return FileFacts::default();
    };
    let text = text.as_ref();
    let len = text.len() as u32;
    match parse_lenient(text, dialect) {
        Ok(program) => {
            let mut extractor =
                extract::Extractor::new(len, dialect == Dialect::Dts, socket_wrappers, package);
            extractor.bodies = bodies;
            extractor.run(&program);
            let mut facts = extractor.facts;
            // A page runs in a browser, whatever its scripts import.
            if kind == FileKind::Html {
                facts.side = Some(Side::Client);
            }
            facts
        }
        Err(error) => {
            let placeholder = text::template_placeholder(text, &error);
            FileFacts {
                loose_strings: super::loose_strings(text),
                parse_error: Some(match placeholder {
                    Some(span) => ParseError {
                        span,
                        message: "this file is a template (`<% %>` or `{{ }}` placeholders), not JavaScript; it was skipped".to_owned(),
                    },
                    None => error,
                }),
                template: placeholder.is_some(),
                ..FileFacts::default()
            }
        }
    }
}

/// Parses, and for JavaScript that does not parse and holds Babel's function-bind
/// operator (`::this.onClick`, `obj::fn`), parses it again with the operator masked.
/// The first error is the one reported.
fn parse_lenient(text: &str, dialect: Dialect) -> Result<swc_ecma_ast::Program, ParseError> {
    match parse::parse(text, dialect) {
        Err(error) if dialect == Dialect::Js => match text::mask_function_bind(text) {
            Some(masked) => parse::parse(&masked, dialect).map_err(|_| error),
            None => Err(error),
        },
        parsed => parsed,
    }
}

/// Whether importing this package name gives Socket.IO values.
pub fn is_socketio_package(name: &str) -> bool {
    extract::package_side(name).is_some()
}

/// Parses and drops the tree, as the extraction would, without extracting.
pub fn parses(source: &str, kind: FileKind) -> bool {
    match script(source, kind) {
        Some((text, dialect)) => parse_lenient(&text, dialect).is_ok(),
        None => true,
    }
}
