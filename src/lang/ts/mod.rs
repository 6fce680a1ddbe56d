//! The TypeScript/JavaScript front-end (swc).
//!
//! This module is the directory's entry point: the rest of the crate calls [`extract`],
//! [`parses`] and [`is_socketio_package`] (and `parse`, `sfc`). Inside, each module uses
//! only those listed before it (a test below checks it):
//! 1. `text.rs`, `parse.rs`, `sfc.rs`: the text before the tree: template files and
//!    Babel's function-bind operator, parsing with swc, the scripts of `.vue`/`.svelte`
//!    files and HTML pages;
//! 2. `syntax.rs`: small helpers over swc's AST (expressions with parentheses, type
//!    assertions and `await` looked through; property, member, export and pattern
//!    names; `require("x")`);
//! 3. `packages.rs`: which side importing a Socket.IO package gives;
//! 4. `prototypes.rs`: classes written as prototypes;
//! 5. `flow.rs`: "does every path call this parameter", over a function as written;
//! 6. `races.rs`: promises meant to stay pending, as inputs of a race;
//! 7. `listeners.rs`: what a listener's body shows from its syntax alone (runs once,
//!    cleans up, only logs, ack names);
//! 8. `bindings.rs`: what a name is bound to, and the values bindings carry;
//!    `scopes.rs`: the scope chain, what each name is bound to innermost first;
//!    `invokes.rs`: a file of Tauri's JS API read before the walk (its Channels, what
//!    each call's Promise is used for);
//! 9. `extract.rs`: the extractor's state (the facts so far, the scope chain, the
//!    functions and classes being walked), `run`, and the questions every part asks;
//!
//! then the `impl Extractor` blocks, one concern each (methods of one type call each
//! other freely; only their free helpers and types follow the order):
//! 10. `data.rs`: evidence that a value is data, not a function;
//! 11. `names.rs`: event names and string constants;
//! 12. `getters.rs` and `stores.rs`: sockets returned by getters, kept in state stores;
//!     `tauri.rs`: Tauri's `invoke`/`listen`/`emit` calls as sites of its transports, and
//!     the name an invoke wrapper makes of its parameter;
//! 13. `wrappers.rs`: wrappers of emits and registrations, instances of project classes;
//! 14. `maps.rs`: handler maps and name lists walked by loops;
//! 15. `sockets.rs`: which expressions are sockets, servers, namespaces or operators;
//! 16. `socket_types.rs`: project types that stand for a socket.io type;
//! 17. `declarations.rs`: what declarations and assignments bind, and the socket a type
//!     annotation names;
//! 18. `constructors.rs`: sockets handed to a constructor;
//! 19. `functions.rs`: function frames, parameters, and the records of functions;
//! 20. `classes.rs`: what a class's fields hold;
//! 21. `hoist.rs`: the module level before the walk: locals, the prescan, hoisted
//!     imports, requires and declarations, exports;
//! 22. `nest.rs` and `hosted.rs`: NestJS gateways, servers handed over by frameworks;
//! 23. `sites.rs`: the site builders (emits, listeners, middleware, removals);
//! 24. `calls.rs`: `on_call`, which sorts each call and hands socket calls to `sites.rs`;
//! 25. `walk.rs`: the walk over a module (`Visit`), which hands each node to the rest.

mod bindings;
mod calls;
mod classes;
mod constructors;
mod data;
mod declarations;
mod extract;
mod flow;
mod functions;
mod getters;
mod hoist;
mod hosted;
mod invokes;
mod listeners;
mod maps;
mod names;
mod nest;
mod packages;
pub mod parse;
mod prototypes;
mod races;
mod scopes;
pub mod sfc;
mod sites;
mod socket_types;
mod sockets;
mod stores;
mod syntax;
mod tauri;
mod text;
mod walk;
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
            extractor.names_tauri_api = tauri::names_api(text);
            if extractor.names_tauri_api {
                extractor.tauri = invokes::prescan(&program, len);
            }
            extractor.run(&program);
            let mut facts = extractor.facts;
            // A page runs in a browser, whatever its scripts import.
            if kind == FileKind::Html {
                facts.side = Some(Side::Client);
            }
            facts
        }
        Err(error) => super::unparsed(text, error, "JavaScript"),
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
    packages::package_side(name).is_some()
}

/// Parses and drops the tree, as the extraction would, without extracting.
pub fn parses(source: &str, kind: FileKind) -> bool {
    match script(source, kind) {
        Some((text, dialect)) => parse_lenient(&text, dialect).is_ok(),
        None => true,
    }
}

#[cfg(test)]
mod tests {
    /// The modules in the order of this module's doc comment.
    const ORDER: &[(&str, &str)] = &[
        ("text", include_str!("text.rs")),
        ("parse", include_str!("parse.rs")),
        ("sfc", include_str!("sfc.rs")),
        ("syntax", include_str!("syntax.rs")),
        ("packages", include_str!("packages.rs")),
        ("prototypes", include_str!("prototypes.rs")),
        ("flow", include_str!("flow.rs")),
        ("races", include_str!("races.rs")),
        ("listeners", include_str!("listeners.rs")),
        ("bindings", include_str!("bindings.rs")),
        ("scopes", include_str!("scopes.rs")),
        ("invokes", include_str!("invokes.rs")),
        ("extract", include_str!("extract.rs")),
        ("data", include_str!("data.rs")),
        ("names", include_str!("names.rs")),
        ("getters", include_str!("getters.rs")),
        ("stores", include_str!("stores.rs")),
        ("tauri", include_str!("tauri.rs")),
        ("wrappers", include_str!("wrappers.rs")),
        ("maps", include_str!("maps.rs")),
        ("sockets", include_str!("sockets.rs")),
        ("socket_types", include_str!("socket_types.rs")),
        ("declarations", include_str!("declarations.rs")),
        ("constructors", include_str!("constructors.rs")),
        ("functions", include_str!("functions.rs")),
        ("classes", include_str!("classes.rs")),
        ("hoist", include_str!("hoist.rs")),
        ("nest", include_str!("nest.rs")),
        ("hosted", include_str!("hosted.rs")),
        ("sites", include_str!("sites.rs")),
        ("calls", include_str!("calls.rs")),
        ("walk", include_str!("walk.rs")),
    ];

    /// A large file records tens of thousands of calls that pass a socket or a
    /// parameter on, kept until the run ends: each holds its arguments at their size,
    /// and the list of them is trimmed after the walk.
    #[test]
    fn recorded_calls_hold_their_arguments_at_their_size() {
        let source = "function a(s) { b(s); c(1, s); b(s); }\n\
            function b(x) { x.emit(\"e\"); }\nfunction c(n, y) { y.emit(\"f\"); }\n";
        let facts = super::extract(source, crate::discover::FileKind::Js, &[], None);
        let sizes: Vec<(usize, usize)> = (facts.calls.iter())
            .map(|call| (call.args.len(), call.args.capacity()))
            .collect();
        assert_eq!(sizes, [(1, 1), (1, 1), (1, 1)]);
        assert_eq!(facts.calls.capacity(), facts.calls.len());
    }

    #[test]
    fn each_module_uses_only_those_before_it() {
        crate::lang::module_order::assert_each_uses_only_those_before_it(ORDER);
    }

    #[test]
    fn every_module_of_the_directory_is_in_the_order() {
        crate::lang::module_order::assert_every_module_is_in_the_order(
            include_str!("mod.rs"),
            ORDER,
        );
    }
}
