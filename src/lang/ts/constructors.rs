//! Sockets handed to a constructor: `new Runner(io)` fills the parameter `io` of
//! `class Runner { constructor(io) { this.io = io; } }`, so `this.io.emit(...)` in its
//! methods is an emit on that socket, across files.
//!
//! A constructor is a function named after its class; `new Runner(...)` is a call of
//! that name (resolved by name when linking, like `job.run(io)`), and `new R(...)` too
//! after `import { Runner as R }`.

use std::borrow::Cow;

use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::syntax::{pat_names, unwrap_expr};
use crate::facts::{Callee as FnCallee, Origin, SocketCall, SocketRef};

impl Extractor<'_> {
    /// The bindings of a constructor's parameters: each plain one is a parameter its
    /// `new` calls fill; the class being walked names the function.
    pub(super) fn constructor_scope<'c>(
        &mut self,
        constructor: &'c Constructor,
    ) -> Vec<(Cow<'c, str>, Binding)> {
        let name = self.constructor_names.last().cloned().flatten();
        let id = self.func_id(constructor.span.lo.0, name);
        let mut scope = Vec::new();
        for (index, param) in constructor.params.iter().enumerate() {
            let ParamOrTsParamProp::Param(param) = param else {
                continue;
            };
            match &param.pat {
                Pat::Ident(ident)
                    if !ident
                        .type_ann
                        .as_deref()
                        .is_some_and(|ann| self.foreign_type(&ann.type_ann)) =>
                {
                    scope.push((
                        Cow::Borrowed(ident.id.sym.as_str()),
                        Binding::Socket(SocketRef {
                            origin: Origin::Param {
                                func: id,
                                index: index as u32,
                                typed: super::declarations::typed_socket(
                                    ident.type_ann.as_deref(),
                                    self,
                                ),
                            },
                            ops: Vec::new(),
                        }),
                    ));
                }
                pat => {
                    let mut names = Vec::new();
                    pat_names(pat, &mut names);
                    for name in names {
                        scope.push((Cow::Owned(name), Binding::Unknown));
                    }
                }
            }
        }
        scope
    }

    /// `new Runner(io)`: a call of `Runner`'s constructor with sockets among its
    /// arguments.
    pub(super) fn record_new_call(&mut self, new: &NewExpr) {
        let Expr::Ident(class) = unwrap_expr(&new.callee) else {
            return;
        };
        let args = SocketCall::args_of(
            (new.args.iter().flatten().enumerate())
                .filter(|(_, arg)| arg.spread.is_none())
                .filter_map(|(i, arg)| self.socket(&arg.expr).map(|s| (i as u32, s))),
        );
        if args.is_empty() {
            return;
        }
        // `import { Job as J } from "./job"; new J(io)` constructs `Job`; a default
        // import constructs whatever class the file exports as its default.
        let callee = match self.lookup(&class.sym) {
            Some(Binding::Import { specifier, name }) if name == "default" => FnCallee::Import {
                specifier: specifier.clone(),
                name: name.clone(),
                path: Vec::new(),
            },
            Some(Binding::Import { name, .. }) if name != "*" => FnCallee::Named(name.clone()),
            _ => FnCallee::Named(class.sym.as_str().to_owned()),
        };
        let call = SocketCall { callee, args };
        if matches!(call.callee, FnCallee::Named(_)) {
            self.facts
                .handed_to_constructors
                .push(crate::facts::HandedSocket {
                    span: self.span(class.span),
                    call: call.clone(),
                });
        }
        self.facts.calls.push(call);
    }
}

impl Extractor<'_> {
    /// `export default class Runner { constructor(io) {...} }`: the default export is
    /// the constructor, which `new R(io)` after `import R from "./runner"` calls.
    pub(super) fn export_default_class(&mut self, class: &ClassExpr) {
        let Some(constructor) = class.class.body.iter().find_map(|member| match member {
            ClassMember::Constructor(constructor) => Some(constructor),
            _ => None,
        }) else {
            return;
        };
        let name = class
            .ident
            .as_ref()
            .map(|ident| ident.sym.as_str().to_owned());
        let id = self.func_id(constructor.span.lo.0, name);
        self.facts.exports.push((
            "default".to_owned(),
            crate::facts::ExportValue::Function(id),
        ));
    }
}
