//! Getters that return a socket: `get server() { return this._io; }` makes
//! `this.server.emit(...)` an emit on that socket, like a field holding it.

use swc_ecma_ast::*;

use super::extract::{Extractor, prop_name};
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
}
