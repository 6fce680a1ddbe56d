//! The Rust front-end (syn): socketioxide servers and rust_socketio clients.
//!
//! This module is the directory's entry point: the rest of the crate calls [`extract`]
//! and [`parses`]. Inside, each module uses only those listed before it:
//! 1. `syntax.rs`: spans as byte offsets, and syn's shapes with parentheses,
//!    references and groups looked through;
//! 2. `serde_shape.rs`: the JSON shape of the structs a handler deserializes into;
//! 3. `flow.rs`: "does every path call `ack.send`", over a function as written;
//! 4. `macros.rs`: the arguments of function-like macros (`assert!`, `println!`,
//!    `vec!`, `tokio::join!`, ...), parsed as expressions before the walk, which walks
//!    them where the macro is written; a macro whose tokens are not a list of
//!    expressions stays opaque, so a site written inside it is not seen;
//! 5. `extract.rs`: the extractor's state (the facts so far, the bindings in scope, this
//!    file's functions and constants) and what library modules ask of it;
//! 6. `socketioxide.rs` and `rust_socketio.rs`: the method calls of each library, turned
//!    into sites;
//! 7. `walk.rs`: the walk over a file with a scope chain, which hands each method call
//!    on a socket to its library's module.
//!
//! `tauri.rs` (Tauri v2 commands, handler lists, events) uses only `syntax.rs`;
//! `tauri_sites.rs` turns what it finds into sites of the Tauri transports, which
//! [`extract`] adds to the facts of a file that names tauri.

mod extract;
mod flow;
mod macros;
mod rust_socketio;
mod serde_shape;
mod socketioxide;
mod syntax;
pub mod tauri;
mod tauri_sites;
mod walk;

use crate::facts::{FileFacts, ParseError};
use syntax::to_span;

/// Parses one file and extracts its facts; the AST is dropped before returning.
pub fn extract(source: &str) -> FileFacts {
    let text = mask_shebang(source);
    let len = text.len() as u32;
    let facts = match syn::parse_str::<syn::File>(&text) {
        Ok(file) => {
            let macro_args = macros::MacroArgs::parse(&file, len);
            let mut extractor = extract::Extractor::new(&text, &macro_args);
            extractor.run(&file);
            // The Tauri scanner resolves names with the extractor's string constants.
            let consts = std::mem::take(&mut extractor.consts);
            let mut facts = extractor.facts;
            // Only a file that names tauri can hold its wiring; the others skip the scan.
            if text.contains("tauri") {
                let mobile = text.contains("register_android_plugin")
                    || text.contains("register_ios_plugin");
                tauri_sites::add(&tauri::scan(&file, &text, &consts), mobile, &mut facts);
            }
            facts
        }
        Err(error) => {
            let error = ParseError {
                span: to_span(error.span(), len),
                message: error.to_string(),
            };
            super::unparsed(&text, error, "Rust")
        }
    };
    // proc-macro2 keeps the text of every file parsed on this thread to answer span
    // queries; nothing reads those spans once the facts are built, so let it go.
    proc_macro2::extra::invalidate_current_thread_spans();
    facts
}

/// Parses and drops the tree without extracting (the parser floor of the benchmarks).
pub fn parses(source: &str) -> bool {
    let parsed = syn::parse_str::<syn::File>(&mask_shebang(source)).is_ok();
    proc_macro2::extra::invalidate_current_thread_spans();
    parsed
}

/// A `#!` first line (not `#![attr]`) is blanked, as `syn::parse_file` would strip it,
/// but in place so that every byte offset stays what it is on disk.
fn mask_shebang(source: &str) -> std::borrow::Cow<'_, str> {
    let is_shebang = source
        .strip_prefix("#!")
        .is_some_and(|rest| !rest.trim_start().starts_with('['));
    if !is_shebang {
        return std::borrow::Cow::Borrowed(source);
    }
    let end = source.find('\n').unwrap_or(source.len());
    let mut masked = " ".repeat(end);
    masked.push_str(&source[end..]);
    std::borrow::Cow::Owned(masked)
}

#[cfg(test)]
mod tests {
    use super::extract;

    /// The modules in the order of this module's doc comment.
    const ORDER: &[(&str, &str)] = &[
        ("syntax", include_str!("syntax.rs")),
        ("serde_shape", include_str!("serde_shape.rs")),
        ("flow", include_str!("flow.rs")),
        ("macros", include_str!("macros.rs")),
        ("extract", include_str!("extract.rs")),
        ("socketioxide", include_str!("socketioxide.rs")),
        ("rust_socketio", include_str!("rust_socketio.rs")),
        ("walk", include_str!("walk.rs")),
        ("tauri", include_str!("tauri.rs")),
        ("tauri_sites", include_str!("tauri_sites.rs")),
    ];

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
    use crate::facts::{Calls, ListenMethod, NsExpr, Origin, Value};

    #[test]
    fn a_file_syn_cannot_parse_gives_a_parse_error_with_its_position() {
        let facts = extract("fn main() {\n    let x = ;\n}\n");
        let error = facts.parse_error.expect("a parse error");
        assert_eq!(error.span.start, 24);
    }

    #[test]
    fn a_shebang_keeps_offsets() {
        let facts = extract("#!/usr/bin/env run-cargo-script\nfn main() { let = 1; }\n");
        let error = facts.parse_error.expect("a parse error");
        assert_eq!(error.span.start, 48);
    }

    #[test]
    fn socketioxide_handlers_read_their_extractors() {
        let facts = extract(
            r#"use socketioxide::extract::{AckSender, Data, SocketRef};
            async fn on_connect(socket: SocketRef) {
                socket.on("move", |Data::<(f64, f64)>(p), ack: AckSender| async move {
                    ack.send(&p).ok();
                });
                socket.on("any", async |s: SocketRef| { s.to("r").emit("x", &1); });
            }"#,
        );
        assert_eq!(facts.side, Some(crate::facts::Side::Server));
        let moved = &facts.handlers[0];
        assert_eq!(
            moved.params.as_ref().map(|p| (p.count, p.rest)),
            Some((2, false))
        );
        let ack = moved.ack.as_ref().expect("an AckSender");
        assert_eq!((ack.name.as_str(), ack.summary.calls), ("ack", Calls::All));
        let any = &facts.handlers[1];
        assert!(any.params.as_ref().is_some_and(|p| p.rest));
        assert!(facts.emits[0].dropped);
    }

    #[test]
    fn sites_inside_macro_arguments_are_seen_where_they_are_written() {
        let source = r#"use rust_socketio::ClientBuilder;
            macro_rules! twice { ($e:expr) => { $e; $e } }
            fn main() {
                let client = ClientBuilder::new("http://localhost:4000").connect().unwrap();
                assert!(client.emit("in_assert", 1).is_ok(), "not sent: {}", 1);
                assert_eq!(vec![client.emit("in_vec", 2).is_ok()], vec![true]);
                println!("{:?}", dbg!(client.emit("nested", 3)));
                twice!(client.emit("in_user_macro", 4));
                json!({ "not": client.emit("in_json_object", 5) });
            }"#;
        let facts = extract(source);
        let names: Vec<(&str, u32)> = facts
            .emits
            .iter()
            .map(|emit| {
                let Value::Literal { value, span } = &emit.name else {
                    panic!("a literal name");
                };
                (value.as_str(), span.start)
            })
            .collect();
        let at = |name: &str| source.find(&format!("\"{name}\"")).unwrap_or_default() as u32;
        // A user macro's arguments are expressions too; `json!` objects are not Rust.
        assert_eq!(
            names,
            vec![
                ("in_assert", at("in_assert")),
                ("in_vec", at("in_vec")),
                ("nested", at("nested")),
                ("in_user_macro", at("in_user_macro")),
            ]
        );
    }

    #[test]
    fn a_client_read_raw_is_a_catch_all_and_other_iterators_are_not() {
        let facts = extract(
            r#"use rust_socketio::{ClientBuilder, RawClient};
            struct Reader { socket: Inner }
            impl Reader {
                fn pump(&self) { while let Ok(Some(p)) = self.socket.poll() { drop(p); } }
            }
            fn drain(client: RawClient) { for packet in client.iter() { drop(packet); } }
            fn main() {
                let client = ClientBuilder::new("http://localhost:4000")
                    .namespace("/jobs")
                    .on("done", |payload, _| { for v in payload.iter() { drop(v); } })
                    .connect_raw()
                    .unwrap();
                let first = client.poll();
                drain(client);
            }"#,
        );
        let catch_alls: Vec<_> = facts
            .handlers
            .iter()
            .filter(|h| h.method == ListenMethod::Any)
            .map(|h| &h.receiver.origin)
            .collect();
        // `client.iter()` on the typed parameter and `client.poll()` on the built client;
        // not the payload's `iter()` nor the struct field's `poll()`.
        assert_eq!(catch_alls.len(), 2, "{catch_alls:?}");
        assert!(matches!(catch_alls[0], Origin::Param { .. }));
        assert!(matches!(catch_alls[1], Origin::ClientFactory { .. }));
    }

    #[test]
    fn rust_socketio_namespace_comes_from_the_whole_chain() {
        let facts = extract(
            r#"use rust_socketio::{ClientBuilder, Event};
            fn main() {
                let client = ClientBuilder::new("http://localhost:3000/ignored")
                    .on(Event::Connect, |_, _| {})
                    .on_any(|_, _, _| {})
                    .namespace("/admin")
                    .connect()
                    .unwrap();
                client.emit("hello", "world").ok();
            }"#,
        );
        assert_eq!(facts.side, Some(crate::facts::Side::Client));
        // The outer calls of a chain are walked first: `on_any` before `on`.
        assert_eq!(facts.handlers[0].method, ListenMethod::Any);
        assert_eq!(facts.handlers[1].name, Value::Str("open".to_owned()));
        let Origin::ClientFactory {
            ns: NsExpr::Name(ns),
            ..
        } = &facts.emits[0].receiver.origin
        else {
            panic!("a rust_socketio client");
        };
        assert_eq!(ns.as_str(), Some("/admin"));
        assert_eq!(facts.connects.len(), 1);
    }
}
