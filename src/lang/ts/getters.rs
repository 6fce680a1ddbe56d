//! Getters that return a socket: `get server() { return this._io; }` makes
//! `this.server.emit(...)` an emit on that socket, like a field holding it.
//!
//! Object literals hold sockets the same way: `const api = { socket: io(url) }` or
//! `{ get socket() { return io(url); } }` makes `api.socket.emit(...)` an emit on that
//! socket, in the file and, exported (`export default { get socket() {...} }`,
//! `module.exports = {...}`), in the files that import it.

use swc_ecma_ast::*;

use super::extract::Extractor;
use super::syntax::{prop_name, unwrap_expr};
use crate::facts::SocketRef;

impl Extractor<'_> {
    /// Adds to `fields` the getters of `class` that return a socket (one `return`),
    /// read with the class's fields in view: `return this._io`, `return
    /// this.server.of("/admins")` (a getter of a getter, one level).
    pub(super) fn add_socket_getters(
        &mut self,
        class: &Class,
        fields: &mut rustc_hash::FxHashMap<String, SocketRef>,
    ) {
        let getters: Vec<(String, &Expr)> = class
            .body
            .iter()
            .filter_map(|member| match member {
                ClassMember::Method(method) if method.kind == MethodKind::Getter => {
                    let body = method.function.body.as_ref()?;
                    // Anything but one `return` may return other things too.
                    let [
                        Stmt::Return(ReturnStmt {
                            arg: Some(returned),
                            ..
                        }),
                    ] = &body.stmts[..]
                    else {
                        return None;
                    };
                    Some((prop_name(&method.key)?, &**returned))
                }
                _ => None,
            })
            .collect();
        if getters.is_empty() {
            return;
        }
        // A field assigned in the class wins over a getter of the same name.
        let assigned: rustc_hash::FxHashSet<String> = fields.keys().cloned().collect();
        // The second round reads each getter again with the first round's getters in
        // view, replacing what it made of them without.
        for _ in 0..2 {
            self.classes.push(fields.clone());
            let found: Vec<(String, SocketRef)> = getters
                .iter()
                .filter(|(name, _)| !assigned.contains(name))
                .filter_map(|(name, returned)| Some((name.clone(), self.socket(returned)?)))
                .collect();
            self.classes.pop();
            if found.is_empty() {
                return;
            }
            fields.extend(found);
        }
    }

    /// The properties of an object literal that hold a socket: `{ socket: io(url) }`,
    /// `{ io }`, and getters that return one (`get socket() { return io(url); }`), by
    /// property name.
    pub(super) fn object_sockets(&self, object: &ObjectLit) -> Vec<(String, SocketRef)> {
        let mut found = self.socket_props(object);
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            let Prop::Getter(getter) = &**prop else {
                continue;
            };
            let Some(returned) =
                single_return(getter.function.body.as_ref().map(|body| &body.stmts[..]))
            else {
                continue;
            };
            // `this` is the object itself, whose other members this file does not bind.
            if let Expr::Member(member) = unwrap_expr(returned)
                && matches!(unwrap_expr(&member.obj), Expr::This(_))
            {
                continue;
            }
            if let (Some(name), Some(socket)) = (prop_name(&getter.key), self.socket(returned)) {
                found.push((name, socket));
            }
        }
        found
    }

    /// `const api = { get socket() { ... } }`: `api.socket` is that socket.
    pub(super) fn note_object_sockets(&mut self, holder: &str, init: &Expr) {
        let Expr::Object(object) = unwrap_expr(init) else {
            return;
        };
        // Most objects hold only literals and functions: nothing to resolve.
        let may_hold_socket = object.props.iter().any(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::KeyValue(kv) => !matches!(
                    unwrap_expr(&kv.value),
                    Expr::Lit(_)
                        | Expr::Tpl(_)
                        | Expr::Arrow(_)
                        | Expr::Fn(_)
                        | Expr::Object(_)
                        | Expr::Array(_)
                ),
                Prop::Shorthand(_) | Prop::Getter(_) => true,
                _ => false,
            },
            PropOrSpread::Spread(_) => false,
        });
        if !may_hold_socket {
            return;
        }
        for (prop, socket) in self.object_sockets(object) {
            self.member_assigned
                .entry((holder.to_owned(), prop))
                .or_insert(socket);
        }
    }

    /// Exports, for an exported object `local` exported as `exported`, each socket it
    /// holds as `exported.prop`, which an import of `exported` reads as `x.prop` (a dot
    /// never appears in a name JavaScript exports).
    pub(super) fn export_held_sockets(&mut self, exported: &str, local: &str) {
        let mut held: Vec<(String, SocketRef)> = self
            .member_assigned
            .iter()
            .filter(|((holder, _), _)| holder == local)
            .map(|((_, prop), socket)| (format!("{exported}.{prop}"), socket.clone()))
            .collect();
        held.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, socket) in held {
            self.facts
                .exports
                .push((name, crate::facts::ExportValue::Socket(socket)));
        }
    }

    /// `export default { get socket() {...} }`: each socket the object holds, exported
    /// as `exported.prop`.
    pub(super) fn export_object_sockets(&mut self, exported: &str, object: &ObjectLit) {
        for (prop, socket) in self.object_sockets(object) {
            self.facts.exports.push((
                format!("{exported}.{prop}"),
                crate::facts::ExportValue::Socket(socket),
            ));
        }
    }
}

/// The value of a body that is one `return` and nothing else: anything more may return
/// other things too.
fn single_return(stmts: Option<&[Stmt]>) -> Option<&Expr> {
    match stmts? {
        [
            Stmt::Return(ReturnStmt {
                arg: Some(returned),
                ..
            }),
        ] => Some(returned),
        _ => None,
    }
}
