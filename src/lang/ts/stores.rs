//! Sockets kept in a state store (zustand, a React class's `setState`): the store is a
//! holder of named fields, like a class is. `set({ pluginsSocket: socket })` makes
//! `pluginsSocket` a field holding that socket; `useStore((s) => s.pluginsSocket)` and
//! `useStore.getState().pluginsSocket` read it, wherever they are.

use swc_ecma_ast::*;

use super::extract::Extractor;
use super::syntax::unwrap_expr;

/// The functions that replace part of a store's state with an object of fields:
/// zustand's `set` (the argument of the store's creator) and `setState`.
const STATE_SETTERS: &[&str] = &["set", "setState"];

impl Extractor<'_> {
    /// `set({ pluginsSocket: socket })`: each field given a socket is a holder of it,
    /// as a class field is (`FileFacts::socket_fields`).
    pub(super) fn record_store_fields(&mut self, call: &CallExpr) {
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let setter = match unwrap_expr(callee) {
            Expr::Ident(ident) => &ident.sym,
            Expr::Member(MemberExpr {
                prop: MemberProp::Ident(prop),
                ..
            }) => &prop.sym,
            _ => return,
        };
        if !STATE_SETTERS.contains(&&**setter) {
            return;
        }
        let Some(Expr::Object(object)) = call.args.first().map(|arg| unwrap_expr(&arg.expr)) else {
            return;
        };
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            let (key, socket) = match &**prop {
                Prop::KeyValue(kv) => match &kv.key {
                    PropName::Ident(key) => (key.sym.to_string(), self.socket(&kv.value)),
                    PropName::Str(key) => (
                        key.value.to_string_lossy().into_owned(),
                        self.socket(&kv.value),
                    ),
                    _ => continue,
                },
                // `set({ socket })`
                Prop::Shorthand(name) => (
                    name.sym.to_string(),
                    self.socket(&Expr::Ident(name.clone())),
                ),
                _ => continue,
            };
            if let Some(socket) = socket {
                self.facts.socket_fields.push((key, socket));
            }
        }
    }
}

/// `useStore((state) => state.pluginsSocket)`: a selector hook's call reads the field its
/// selector returns, from whatever store holds it.
pub(super) fn selected_field(call: &CallExpr) -> Option<String> {
    // A hook or function called by name; `users.find((u) => u.socket)` is no selector.
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    if !matches!(unwrap_expr(callee), Expr::Ident(_)) {
        return None;
    }
    let [selector] = call.args.as_slice() else {
        return None;
    };
    let Expr::Arrow(arrow) = unwrap_expr(&selector.expr) else {
        return None;
    };
    let [Pat::Ident(state)] = arrow.params.as_slice() else {
        return None;
    };
    let ArrowFunctionBody::Expr(body) = &*arrow.body else {
        return None;
    };
    match unwrap_expr(body) {
        Expr::Member(MemberExpr {
            obj,
            prop: MemberProp::Ident(field),
            ..
        }) if matches!(unwrap_expr(obj), Expr::Ident(read) if read.sym == state.id.sym) => {
            Some(field.sym.to_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    fn fields(source: &str) -> Vec<String> {
        crate::lang::ts::extract(source, FileKind::Ts, &[], None)
            .socket_fields
            .into_iter()
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn a_store_field_set_to_a_socket_holds_it() {
        let source = r#"
import { create } from "zustand";
import { Socket } from "socket.io-client";
export const useStore = create((set) => ({
    socket: undefined,
    setSocket: (socket: Socket) => set({ socket }),
    setAdmin: (admin: Socket) => set({ adminSocket: admin }),
    setCount: (count: number) => set({ count }),
}));
"#;
        assert_eq!(
            fields(source),
            vec!["socket".to_owned(), "adminSocket".to_owned()]
        );
    }

    #[test]
    fn other_calls_with_objects_hold_nothing() {
        let source = r#"
import { io } from "socket.io-client";
const socket = io();
register({ socket });
"#;
        assert!(fields(source).is_empty());
    }
}
