//! What declarations and assignments bind: `const`/`let` declarators (sockets, data,
//! imports by `require`, React state), patterns whose values are unknown, assignments
//! (`x = io(url)`, `this.socket = ...`, `module.exports = ...`), and the socket a
//! TypeScript annotation names.

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::syntax::{
    component_of, is_module_exports, is_state_hook, member_prop_name, object_pat_keys, pat_names,
    prop_name, require_specifier, unwrap_expr,
};
use crate::facts::{Callee as FnCallee, Origin, SocketRef, TypedSocket};

impl Extractor<'_> {
    /// Binds the names a `const`/`let` declarator introduces.
    pub(super) fn bind_declarator(&mut self, declarator: &VarDeclarator) {
        let Some(init) = declarator.init.as_deref() else {
            if let Pat::Ident(ident) = &declarator.name {
                // `let socket: Socket;` assigned `io(url)` later: the assignment knows more.
                if self.assigned.contains_key(&*ident.id.sym) {
                    self.bind(&ident.id.sym, Binding::Unknown);
                    return;
                }
                if let Some(ann) = ident.type_ann.as_deref()
                    && self.foreign_type(&ann.type_ann)
                {
                    self.bind(&ident.id.sym, Binding::Foreign);
                    return;
                }
                if let Some(element) = typed_socket_array(ident.type_ann.as_deref(), self) {
                    self.bind(&ident.id.sym, Binding::Sockets(element));
                    return;
                }
                let binding = typed_origin(ident.type_ann.as_deref(), self).map_or(
                    Binding::Unknown,
                    |origin| {
                        Binding::Socket(SocketRef {
                            origin,
                            ops: Vec::new(),
                        })
                    },
                );
                self.bind(&ident.id.sym, binding);
            }
            return;
        };
        if let Some(specifier) = require_specifier(init) {
            self.bind_required(&declarator.name, &specifier);
            return;
        }
        match &declarator.name {
            Pat::Ident(ident) => {
                // `const socketRef = useRef(io(url))`: the socket is `socketRef.current`.
                if let Expr::Call(call) = unwrap_expr(init)
                    && let Callee::Expr(callee) = &call.callee
                    && matches!(unwrap_expr(callee), Expr::Ident(hook) if &*hook.sym == "useRef")
                    && let Some(socket) = call.args.first().and_then(|arg| self.socket(&arg.expr))
                {
                    self.member_assigned
                        .entry((ident.id.sym.as_str().to_owned(), "current".to_owned()))
                        .or_insert(socket);
                }
                self.note_name_map(&ident.id.sym, init);
                self.note_object_sockets(&ident.id.sym, init);
                self.note_instance(&ident.id.sym, init);
                let mut binding = self.binding_of(init, ident.type_ann.as_deref());
                // `const itemId = item.id + 1`: no socket, and no function either.
                if matches!(binding, Binding::Unknown)
                    && (ident
                        .type_ann
                        .as_deref()
                        .is_some_and(|ann| super::data::is_data_type(&ann.type_ann))
                        || (!self.reassigned.contains(&*ident.id.sym)
                            && self.is_function(init) == Some(false)))
                {
                    binding = Binding::Data;
                }
                self.bind(&ident.id.sym, binding);
            }
            Pat::Object(object) => {
                // `const { socket } = props` in a component.
                if let Some((func, index)) = self.plain_param(init) {
                    for (key, local) in object_pat_keys(object) {
                        let prop = self.prop_of_param(func, index, key, local);
                        self.bind(local, prop);
                    }
                    return;
                }
                // `const { a, b: c } = EVENTS`
                let base = self.value(init);
                for prop in &object.props {
                    match prop {
                        ObjectPatProp::Assign(assign) => {
                            let value = base.member(&assign.key.sym);
                            self.bind(&assign.key.sym, Binding::Value(value));
                        }
                        ObjectPatProp::KeyValue(kv) => {
                            if let (Some(key), Pat::Ident(local)) = (prop_name(&kv.key), &*kv.value)
                            {
                                self.bind(&local.id.sym, Binding::Value(base.member(&key)));
                            }
                        }
                        ObjectPatProp::Rest(_) => {}
                    }
                }
            }
            Pat::Array(array) => {
                self.bind_unknown(&declarator.name);
                // `const [socket, setSocket] = useState(null)`: what the setter is
                // called with is the state.
                if let Expr::Call(call) = unwrap_expr(init)
                    && let Callee::Expr(callee) = &call.callee
                    && is_state_hook(callee)
                    && let Some(Some(Pat::Ident(state))) = array.elems.first()
                {
                    if let Some(Some(Pat::Ident(setter))) = array.elems.get(1) {
                        self.state_setters.insert(
                            setter.id.sym.as_str().to_owned(),
                            state.id.sym.as_str().to_owned(),
                        );
                    }
                    // `useState(io(url))`, or lazily `useState(() => io(url))`.
                    let initial = call.args.first().and_then(|arg| {
                        self.socket(&arg.expr).or_else(|| {
                            super::sockets::returned_expr(&arg.expr)
                                .and_then(|returned| self.socket(returned))
                        })
                    });
                    if let Some(socket) = initial {
                        self.assigned
                            .insert(state.id.sym.as_str().to_owned(), socket);
                    }
                }
            }
            pat => self.bind_unknown(pat),
        }
    }

    fn binding_of(&mut self, init: &Expr, type_ann: Option<&TsTypeAnn>) -> Binding {
        // Provenance beats a name: `const socket = new WebSocket(url)` (or `x as
        // net.Socket`, before the assertion is looked through) is no Socket.IO socket.
        if self.foreign(init) || type_ann.is_some_and(|ann| self.foreign_type(&ann.type_ann)) {
            return Binding::Foreign;
        }
        let init = unwrap_expr(component_of(init));
        // `const appWindow = getCurrentWebviewWindow()`: a Tauri window (see `tauri.rs`).
        if let Some(target) = self.tauri_window(init) {
            return Binding::TauriWindow(target);
        }
        match init {
            Expr::Arrow(arrow) => {
                return Binding::Func(self.func_id(arrow.span.lo.0, None));
            }
            Expr::Fn(function) => {
                return Binding::Func(self.func_id(function.function.span.lo.0, None));
            }
            _ => {}
        }
        if let Expr::Ident(ident) = init
            && let Some(binding) = self.lookup(&ident.sym)
        {
            return binding.clone();
        }
        // A known string beats a guess: `const URL = env.URL ?? "http://..."`.
        let value = self.value(init);
        if value.is_known() {
            return Binding::Value(value);
        }
        if let Some(element) = self
            .socket_elements(init)
            .or_else(|| typed_socket_array(type_ann, self))
        {
            return Binding::Sockets(element);
        }
        let typed = typed_origin(type_ann, self).map(|origin| SocketRef {
            origin,
            ops: Vec::new(),
        });
        match (self.socket(init), typed) {
            (Some(socket), Some(typed)) if is_speculative(&socket) => Binding::Socket(SocketRef {
                origin: Origin::FirstOf(vec![socket, typed]),
                ops: Vec::new(),
            }),
            (Some(socket), _) | (None, Some(socket)) => Binding::Socket(socket),
            (None, None) => Binding::Unknown,
        }
    }

    pub(super) fn bind_unknown(&mut self, pat: &Pat) {
        let mut names = Vec::new();
        pat_names(pat, &mut names);
        for name in names {
            self.bind(&name, Binding::Unknown);
        }
    }

    pub(super) fn on_assign(&mut self, assign: &AssignExpr) {
        let AssignTarget::Simple(target) = &assign.left else {
            return;
        };
        match target {
            SimpleAssignTarget::Member(member) => {
                let Some(prop) = member_prop_name(&member.prop) else {
                    return;
                };
                let obj = unwrap_expr(&member.obj);
                // module.exports = ..., module.exports.x = ..., exports.x = ...
                if is_module_exports(obj) || matches!(obj, Expr::Ident(id) if &*id.sym == "exports")
                {
                    self.export_expr(prop.into_owned(), &assign.right);
                    return;
                }
                if let Expr::Ident(module) = obj
                    && &*module.sym == "module"
                    && prop == "exports"
                {
                    match unwrap_expr(&assign.right) {
                        Expr::Object(object) => {
                            // `require("./handlers")` is the whole object.
                            self.note_exported_map("default", &assign.right);
                            self.export_object(object);
                        }
                        right => self.export_expr("default".to_owned(), right),
                    }
                    return;
                }
                if matches!(obj, Expr::This(_))
                    && let Some(socket) = self.socket(&assign.right)
                    && let Some(fields) = self.classes.last_mut()
                {
                    fields.insert(prop.into_owned(), socket);
                } else if let Expr::Ident(holder) = obj
                    && !matches!(
                        self.lookup(&holder.sym),
                        Some(Binding::Import { .. } | Binding::Foreign)
                    )
                    && let Some(socket) = self.socket(&assign.right)
                {
                    self.member_assigned
                        .entry((holder.sym.as_str().to_owned(), prop.into_owned()))
                        .or_insert(socket);
                }
            }
            SimpleAssignTarget::Ident(ident) => {
                if let Some(socket) = self.socket(&assign.right) {
                    self.assigned
                        .insert(ident.id.sym.as_str().to_owned(), socket);
                }
            }
            _ => {}
        }
    }
}

/// A socket known only by a name resolved project-wide, which may turn out to be none.
fn is_speculative(socket: &SocketRef) -> bool {
    matches!(
        socket.origin,
        Origin::Field { .. }
            | Origin::Guess
            | Origin::Returned(FnCallee::Named(_))
            | Origin::FirstOf(_)
    )
}

/// The socket.io type a TS annotation names, judged by where the type was imported from.
pub(super) fn typed_socket(
    type_ann: Option<&TsTypeAnn>,
    extractor: &Extractor,
) -> Option<TypedSocket> {
    fn from_type(ty: &TsType, extractor: &Extractor) -> Option<TypedSocket> {
        match ty {
            TsType::TsTypeRef(reference) => {
                let TsEntityName::Ident(ident) = &reference.type_name else {
                    return None;
                };
                extractor.named_socket_type(&ident.sym)
            }
            // `Socket | null`
            TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
                union.types.iter().find_map(|ty| from_type(ty, extractor))
            }
            TsType::TsParenthesizedType(paren) => from_type(&paren.type_ann, extractor),
            _ => None,
        }
    }
    from_type(&type_ann?.type_ann, extractor)
}

/// `Socket[]`, `Array<Socket>`, `ReadonlyArray<Socket>` or `[Socket, Socket]` of a
/// socket.io type: the element's socket.
pub(super) fn typed_socket_array(
    type_ann: Option<&TsTypeAnn>,
    extractor: &Extractor,
) -> Option<SocketRef> {
    let element = match &*type_ann?.type_ann {
        TsType::TsArrayType(array) => &array.elem_type,
        TsType::TsTypeRef(TsTypeRef {
            type_name: TsEntityName::Ident(name),
            type_params: Some(params),
            ..
        }) if matches!(&*name.sym, "Array" | "ReadonlyArray") && params.params.len() == 1 => {
            &params.params[0]
        }
        // `[ClientSocket, ClientSocket]`
        TsType::TsTupleType(tuple) => &tuple.elem_types.first()?.ty,
        _ => return None,
    };
    let element = TsTypeAnn {
        span: element.span(),
        type_ann: element.clone(),
    };
    typed_origin(Some(&element), extractor).map(|origin| SocketRef {
        origin,
        ops: Vec::new(),
    })
}

pub(super) fn typed_origin(type_ann: Option<&TsTypeAnn>, extractor: &Extractor) -> Option<Origin> {
    typed_socket(type_ann, extractor).map(Origin::Typed)
}
