//! Classes: what their fields hold, from their declarations, their constructor's
//! parameters and their `this.x = ...` writes.

use rustc_hash::FxHashMap as HashMap;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::declarations::{typed_origin, typed_socket_array};
use super::extract::Extractor;
use super::syntax::{member_prop_name, prop_name, unwrap_expr};
use crate::facts::SocketRef;

/// What a class's fields hold, from its declarations and its `this.x = ...`.
pub(super) struct ClassFields {
    pub(super) sockets: HashMap<String, SocketRef>,
    /// Fields known to hold something other than Socket.IO.
    pub(super) foreign: rustc_hash::FxHashSet<String>,
    /// Fields holding arrays of sockets, by the element.
    pub(super) arrays: HashMap<String, SocketRef>,
    /// Fields every write of which is data (`count = 0`, `id: number`, `this.page =
    /// page + 1`): `this.x` is no function (see `data.rs`).
    pub(super) data: rustc_hash::FxHashSet<String>,
}

impl<'a> Extractor<'a> {
    /// The class's fields holding sockets, and those holding values of a known other
    /// origin (`this.socket = new WebSocket(url)`).
    pub(super) fn prescan_class(&mut self, class: &Class) -> ClassFields {
        let mut fields = HashMap::default();
        let mut foreign = rustc_hash::FxHashSet::default();
        let mut arrays = HashMap::default();
        // Fields with evidence of data, and fields written something else somewhere.
        let mut data = rustc_hash::FxHashSet::default();
        let mut not_data = rustc_hash::FxHashSet::default();
        for member in &class.body {
            match member {
                ClassMember::ClassProp(prop) => {
                    let Some(name) = prop_name(&prop.key) else {
                        continue;
                    };
                    let typed_data = prop
                        .type_ann
                        .as_deref()
                        .is_some_and(|ann| super::data::is_data_type(&ann.type_ann));
                    // `onDone = null` is a placeholder, filled from anywhere: no evidence.
                    let value = prop
                        .value
                        .as_deref()
                        .filter(|value| !super::data::is_placeholder(value));
                    match value.map(|value| self.is_function(value)) {
                        _ if typed_data => {
                            data.insert(name.clone());
                        }
                        Some(Some(false)) => {
                            data.insert(name.clone());
                        }
                        Some(_) => {
                            not_data.insert(name.clone());
                        }
                        None => {}
                    }
                    if prop
                        .value
                        .as_deref()
                        .is_some_and(|value| self.foreign(value))
                        || prop
                            .type_ann
                            .as_deref()
                            .is_some_and(|ann| self.foreign_type(&ann.type_ann))
                    {
                        foreign.insert(name);
                        continue;
                    }
                    // `private sockets: Socket[] = []`, `clients = [io(a), io(b)]`
                    let element = prop
                        .value
                        .as_deref()
                        .and_then(|value| self.socket_elements(value))
                        .or_else(|| typed_socket_array(prop.type_ann.as_deref(), self));
                    if let Some(element) = element {
                        arrays.insert(name, element);
                        continue;
                    }
                    let socket = prop
                        .value
                        .as_deref()
                        .and_then(|value| self.socket(value))
                        .or_else(|| {
                            typed_origin(prop.type_ann.as_deref(), self).map(|origin| SocketRef {
                                origin,
                                ops: Vec::new(),
                            })
                        });
                    if let Some(socket) = socket {
                        fields.insert(name, socket);
                    }
                }
                ClassMember::Constructor(constructor) => {
                    for param in &constructor.params {
                        // `constructor(private readonly id: number)`
                        if let ParamOrTsParamProp::TsParamProp(prop) = param
                            && let TsParamPropParam::Ident(ident) = &prop.param
                            && ident
                                .type_ann
                                .as_deref()
                                .is_some_and(|ann| super::data::is_data_type(&ann.type_ann))
                        {
                            data.insert(ident.id.sym.as_str().to_owned());
                        }
                        if let ParamOrTsParamProp::TsParamProp(prop) = param
                            && let TsParamPropParam::Ident(ident) = &prop.param
                            && let Some(ann) = ident.type_ann.as_deref()
                            && self.foreign_type(&ann.type_ann)
                        {
                            foreign.insert(ident.id.sym.as_str().to_owned());
                        } else if let ParamOrTsParamProp::TsParamProp(prop) = param
                            && let TsParamPropParam::Ident(ident) = &prop.param
                            && let Some(origin) = typed_origin(ident.type_ann.as_deref(), self)
                        {
                            fields.insert(
                                ident.id.sym.as_str().to_owned(),
                                SocketRef {
                                    origin,
                                    ops: Vec::new(),
                                },
                            );
                        }
                    }
                }
                _ => {}
            }
        }
        // `this.socket = io(url)` in any method.
        struct ThisAssignments<'e, 'a> {
            extractor: &'e Extractor<'a>,
            fields: &'e mut HashMap<String, SocketRef>,
            foreign: &'e mut rustc_hash::FxHashSet<String>,
            arrays: &'e mut HashMap<String, SocketRef>,
            data: &'e mut rustc_hash::FxHashSet<String>,
            not_data: &'e mut rustc_hash::FxHashSet<String>,
        }
        impl Visit for ThisAssignments<'_, '_> {
            fn visit_class(&mut self, _: &Class) {}
            /// `this.sockets.push(io(url))`
            fn visit_call_expr(&mut self, call: &CallExpr) {
                if let Callee::Expr(callee) = &call.callee
                    && let Expr::Member(method) = unwrap_expr(callee)
                    && matches!(
                        member_prop_name(&method.prop).as_deref(),
                        Some("push" | "unshift")
                    )
                    && let Expr::Member(field) = unwrap_expr(&method.obj)
                    && let (Expr::This(_), Some(name)) =
                        (unwrap_expr(&field.obj), member_prop_name(&field.prop))
                    && let Some(element) = call
                        .args
                        .iter()
                        .find_map(|arg| self.extractor.socket(&arg.expr))
                {
                    self.arrays.entry(name.into_owned()).or_insert(element);
                }
                call.visit_children_with(self);
            }
            fn visit_assign_expr(&mut self, assign: &AssignExpr) {
                if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
                    && let (Expr::This(_), Some(name)) =
                        (unwrap_expr(&member.obj), member_prop_name(&member.prop))
                {
                    if let Some(element) = self.extractor.socket_elements(&assign.right) {
                        self.arrays.entry(name.into_owned()).or_insert(element);
                    } else if let Some(socket) = self.extractor.socket(&assign.right) {
                        self.fields.entry(name.into_owned()).or_insert(socket);
                    } else if self.extractor.foreign(&assign.right) {
                        self.foreign.insert(name.into_owned());
                    } else if !super::data::is_placeholder(&assign.right) {
                        // `this.page += 1` is a number whatever `page` held.
                        if matches!(
                            assign.op,
                            AssignOp::Assign
                                | AssignOp::AndAssign
                                | AssignOp::OrAssign
                                | AssignOp::NullishAssign
                        ) && self.extractor.is_function(&assign.right) != Some(false)
                        {
                            self.not_data.insert(name.into_owned());
                        } else {
                            self.data.insert(name.into_owned());
                        }
                    }
                }
                assign.visit_children_with(self);
            }
        }
        for member in &class.body {
            // `constructor(io) { this.io = io; }`: the field holds what `new` passes.
            let constructor_scope = match member {
                ClassMember::Constructor(constructor) => Some(self.constructor_scope(constructor)),
                _ => None,
            };
            let scoped = constructor_scope.is_some();
            if let Some(scope) = constructor_scope {
                self.scopes.push_bound(scope);
            }
            member.visit_children_with(&mut ThisAssignments {
                extractor: self,
                fields: &mut fields,
                foreign: &mut foreign,
                arrays: &mut arrays,
                data: &mut data,
                not_data: &mut not_data,
            });
            if scoped {
                self.scopes.pop();
            }
        }
        // `get server() { return this._io; }`: read as `this.server`, like a field.
        self.add_socket_getters(class, &mut fields);
        data.retain(|name| !not_data.contains(name) && !fields.contains_key(name));
        ClassFields {
            sockets: fields,
            foreign,
            arrays,
            data,
        }
    }
}
