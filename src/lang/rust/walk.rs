//! The walk over one Rust file: items, scopes, bindings, and the method calls that are
//! socket sites (handed to `socketioxide.rs` or `rust_socketio.rs` by the receiver).
//!
//! A value is a socket only when it is known to be one: the `io` of
//! `SocketIo::new_layer()`/`builder()`, a parameter typed `SocketRef`, `SocketIo`,
//! `RawClient`/`Client`, a struct field typed `SocketIo`, a `ClientBuilder::new(...)`
//! chain, or what the socket operators (`to`, `of`, `broadcast()`, ...) make of those.

use rustc_hash::FxHashMap as HashMap;

use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, FnArg, Lit, Pat, Type, UseTree};

use super::extract::{Binding, Extractor, Frame, params_span};
use super::flow::{self, Body, LocalFn, Param};
use super::syntax::{pat_idents, path_name, strip, strip_pat, to_span, type_args};
use super::{rust_socketio, serde_shape, socketioxide};
use crate::facts::{
    CallEffects, Callee, ExportValue, FnShape, FuncId, HandlerSignature, Origin, SOCKET_EXTRACTOR,
    Side, SocketCall, SocketRef, TypedSocket, Value,
};

impl<'a> Extractor<'a> {
    /// Walks a whole file: its items first (constants, functions, structs, the crates
    /// it uses), then its code.
    pub(super) fn run(&mut self, file: &'a syn::File) {
        let mut items = Items::default();
        items.visit_file(file);
        self.facts.side = items.side;
        self.facts.uses_socketio = items.side.is_some();
        self.client_file = items.side == Some(Side::Client);
        for (name, (value, span)) in items.consts {
            let value = Value::Literal {
                value,
                span: to_span(span, self.len),
            };
            self.facts
                .exports
                .push((name.clone(), ExportValue::Value(value.clone())));
            self.consts.entry(name).or_insert(value);
        }
        for (item, span) in items.structs {
            if let Some(shape) = serde_shape::shape(item, to_span(span, self.len)) {
                self.facts.structs.push(shape);
            }
            if let syn::Fields::Named(fields) = &item.fields {
                for field in &fields.named {
                    if let Some(ident) = &field.ident
                        && type_role(&field.ty, false) == Some(Role::SocketIo)
                    {
                        self.facts
                            .socket_fields
                            .push((ident.to_string(), server_socket()));
                    }
                }
            }
        }
        for (name, span) in items.callable {
            self.facts.scopes.push(crate::facts::NamedScope {
                name,
                span: to_span(span, self.len),
            });
        }
        for span in items.tests {
            self.facts.test_spans.push(to_span(span, self.len));
        }
        for (name, sig, block) in items.fns {
            let params = sig_params(sig);
            let start = self.span(&sig.paren_token.span.open()).start;
            let id = self.func_id(start, Some(name.clone()));
            let shape = FnShape {
                start,
                params: params_span(self, &params),
                parens: true,
                body: Some(self.span(block)),
            };
            self.fn_items.insert(name.clone(), (id, shape));
            self.locals.insert(
                name,
                LocalFn {
                    params,
                    body: Body::Block(block),
                },
            );
        }
        // Every fn item that reads socketioxide extractors may be registered as a
        // handler from another file: keep what its signature says.
        let signatures: Vec<(FuncId, HandlerSignature)> = self
            .fn_items
            .iter()
            .filter_map(|(name, (id, _))| {
                let function = self.locals.get(name)?;
                let (params, ack, data_type) = super::socketioxide::signature(self, function);
                (!params.rest || ack.is_some()).then_some((
                    *id,
                    HandlerSignature {
                        params,
                        ack,
                        data_type,
                    },
                ))
            })
            .collect();
        for (id, signature) in signatures {
            if let Some(function) = self.facts.functions.get_mut(id as usize) {
                function.handler = Some(Box::new(signature));
            }
        }
        self.visit_file(file);
    }

    /// Binds every name a pattern introduces: to `socket` for the name itself (or what
    /// `Some(x)`/`Ok(x)` unwraps), to nothing for the rest, so outer bindings of the same
    /// name are shadowed.
    fn bind_pat(&mut self, pat: &Pat, socket: Option<&SocketRef>) {
        match strip_pat(pat) {
            Pat::Ident(ident) => {
                let binding = match socket {
                    Some(socket) => Binding::Socket(socket.clone()),
                    None => Binding::Value(Value::Unknown),
                };
                self.bind(ident.ident.to_string(), binding);
            }
            Pat::TupleStruct(tuple)
                if tuple.elems.len() == 1
                    && tuple
                        .path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "Some" || s.ident == "Ok") =>
            {
                self.bind_pat(&tuple.elems[0], socket);
            }
            pat => {
                let mut names = Vec::new();
                pat_idents(pat, &mut names);
                for name in names {
                    self.bind(name, Binding::Value(Value::Unknown));
                }
            }
        }
    }

    fn branch<T>(&mut self, walk: impl FnOnce(&mut Self) -> T) -> T {
        if let Some(frame) = self.frames.last_mut() {
            frame.branches += 1;
        }
        let out = walk(self);
        if let Some(frame) = self.frames.last_mut() {
            frame.branches -= 1;
        }
        out
    }

    /// Walks a function with its parameters bound by type: `SocketRef` is the socket
    /// its registration hands it, `SocketIo` the server, `RawClient`/`Client` the
    /// rust_socketio client; an untyped parameter is filled by position.
    fn function(&mut self, id: FuncId, params: &[Param<'a>], walk: impl FnOnce(&mut Self)) {
        let mut scope = HashMap::default();
        for (index, param) in params.iter().enumerate() {
            let param_at = |index: u32, typed: Option<TypedSocket>| SocketRef {
                origin: Origin::Param {
                    func: id,
                    index,
                    typed,
                },
                ops: Vec::new(),
            };
            let index = index as u32;
            let socket = match param.ty.map(|ty| type_role(ty, self.client_file)) {
                Some(Some(Role::SocketRef)) => Some(SocketRef {
                    origin: Origin::FirstOf(vec![
                        param_at(index, None),
                        param_at(SOCKET_EXTRACTOR, Some(TypedSocket::ServerSocket)),
                    ]),
                    ops: Vec::new(),
                }),
                Some(Some(Role::SocketIo)) => Some(server_socket()),
                Some(Some(Role::Client)) => Some(param_at(index, Some(TypedSocket::ClientSocket))),
                Some(_) => None,
                None => Some(SocketRef {
                    origin: Origin::FirstOf(vec![
                        param_at(index, None),
                        param_at(SOCKET_EXTRACTOR, None),
                    ]),
                    ops: Vec::new(),
                }),
            };
            let mut names = Vec::new();
            pat_idents(param.pat, &mut names);
            for name in names {
                let binding = match &socket {
                    Some(socket) => Binding::Socket(socket.clone()),
                    None => Binding::Value(Value::Unknown),
                };
                scope.insert(name, binding);
            }
        }
        self.scopes.push(scope);
        self.frames.push(Frame { id, branches: 0 });
        walk(self);
        self.frames.pop();
        self.scopes.pop();
    }

    /// How a named function sends each `AckSender` it takes, so that a handler in
    /// another file that hands it its ack can be judged.
    fn record_param_calls(&mut self, id: FuncId, name: &str) {
        let Some(function) = self.locals.get(name) else {
            return;
        };
        let mut param_calls = Vec::new();
        for (index, param) in function.params.iter().enumerate() {
            let is_ack = param.ty.is_some_and(|ty| {
                socketioxide::extractor(ty).is_some_and(|(name, _)| name == "AckSender")
            });
            if let (true, Pat::Ident(ident)) = (is_ack, strip_pat(param.pat)) {
                let summary = flow::summarize(
                    &ident.ident.to_string(),
                    function.body,
                    &self.locals,
                    self.len,
                );
                param_calls.push((index as u32, summary.calls));
            }
        }
        if let Some(function) = self.facts.functions.get_mut(id as usize) {
            function.effects = Some(CallEffects { param_calls });
        }
    }

    /// What socket an expression is, if any.
    fn socket(&self, expr: &Expr) -> Option<SocketRef> {
        match strip(expr) {
            Expr::Path(path) if path.qself.is_none() => {
                let ident = path.path.get_ident()?;
                match self.lookup(&ident.to_string())? {
                    Binding::Socket(socket) => Some(socket.clone()),
                    _ => None,
                }
            }
            // `state.io`: a struct field typed `SocketIo` somewhere in the project; only
            // in a file that uses a Socket.IO crate, so that no unrelated `self.socket`
            // is taken for a TypeScript class's socket field of that name.
            Expr::Field(field) if self.facts.side.is_some() => match &field.member {
                syn::Member::Named(name) if self.socket(&field.base).is_none() => Some(SocketRef {
                    origin: Origin::Field {
                        name: name.to_string(),
                        guess: false,
                    },
                    ops: Vec::new(),
                }),
                _ => None,
            },
            Expr::Try(inner) => self.socket(&inner.expr),
            Expr::Await(inner) => self.socket(&inner.base),
            Expr::Call(call) if rust_socketio::is_builder_new(call) => {
                let ns = self
                    .builder_ns
                    .get(&self.span(call))
                    .cloned()
                    .unwrap_or_else(|| Value::Str("/".to_owned()));
                Some(rust_socketio::client(ns))
            }
            Expr::MethodCall(call) => {
                let receiver = self.socket(&call.receiver)?;
                let method = call.method.to_string();
                match method.as_str() {
                    "clone" | "unwrap" | "expect" | "as_ref" | "to_owned" => Some(receiver),
                    _ if self.client_file || rust_socketio::is_client(&receiver) => {
                        rust_socketio::chain(self, receiver, &method, call)
                    }
                    _ => socketioxide::chain(self, receiver, &method, call),
                }
            }
            _ => None,
        }
    }

    /// `register(&socket)`, `self.attach(io.clone())`: which arguments are sockets, so
    /// the callee's parameters can be filled across functions and files.
    fn record_socket_call<'e>(&mut self, callee: Callee, args: impl Iterator<Item = &'e Expr>) {
        let args = SocketCall::args_of(
            args.enumerate()
                .filter_map(|(i, arg)| self.socket(arg).map(|s| (i as u32, s))),
        );
        if !args.is_empty() {
            self.facts.calls.push(SocketCall { callee, args });
        }
    }

    fn callee(&self, func: &Expr) -> Option<Callee> {
        let Expr::Path(path) = strip(func) else {
            return None;
        };
        let name = path.path.segments.last()?.ident.to_string();
        match self.fn_items.get(&name) {
            Some((id, _)) if path.path.segments.len() == 1 => Some(Callee::Local(*id)),
            _ => Some(Callee::Named(path_name(&path.path))),
        }
    }

    /// Binds what a `let`, `if let` or `match` arm pattern takes from `init`.
    fn bind_init(&mut self, pat: &Pat, init: &'a Expr) {
        if socketioxide::creates_server(init)
            && let Pat::Tuple(tuple) = strip_pat(pat)
        {
            // `let (layer, io) = SocketIo::new_layer();`
            for (index, elem) in tuple.elems.iter().enumerate() {
                let socket = server_socket();
                self.bind_pat(elem, (index == 1).then_some(&socket));
            }
            return;
        }
        if let (Pat::Ident(ident), Expr::Closure(closure)) = (strip_pat(pat), strip(init)) {
            let (id, function, shape) = self.closure(closure);
            self.closures.insert(id, (function, shape));
            self.bind(ident.ident.to_string(), Binding::Func(id));
            return;
        }
        if let Pat::Ident(ident) = strip_pat(pat) {
            let value = self.value(init);
            if value.is_known() {
                self.bind(ident.ident.to_string(), Binding::Value(value));
                return;
            }
        }
        let socket = self.socket(init);
        self.bind_pat(pat, socket.as_ref());
    }

    /// `x.emit(...);` and `let _ = x.emit(...);` throw the call's value away.
    fn note_dropped(&mut self, expr: &Expr) {
        if let Expr::MethodCall(call) = strip(expr) {
            let span = self.span(call);
            self.dropped.insert(span);
        }
    }

    /// The `let` patterns of an `if`/`while` condition (`if let Some(nsp) = io.of(..)`,
    /// let chains included).
    fn bind_condition(&mut self, cond: &'a Expr) {
        match cond {
            Expr::Let(let_expr) => self.bind_init(&let_expr.pat, &let_expr.expr),
            Expr::Binary(binary) if matches!(binary.op, syn::BinOp::And(_)) => {
                self.bind_condition(&binary.left);
                self.bind_condition(&binary.right);
            }
            Expr::Paren(inner) => self.bind_condition(&inner.expr),
            _ => {}
        }
    }

    fn walk_fn_item(&mut self, sig: &'a syn::Signature, walk: impl FnOnce(&mut Self)) {
        let name = sig.ident.to_string();
        let start = self.span(&sig.paren_token.span.open()).start;
        let id = self.func_id(start, Some(name.clone()));
        self.record_param_calls(id, &name);
        let params = sig_params(sig);
        self.function(id, &params, walk);
    }
}

impl<'a> Visit<'a> for Extractor<'a> {
    fn visit_item_fn(&mut self, item: &'a syn::ItemFn) {
        self.walk_fn_item(&item.sig, |this| this.visit_block(&item.block));
    }

    fn visit_impl_item_fn(&mut self, item: &'a syn::ImplItemFn) {
        self.walk_fn_item(&item.sig, |this| this.visit_block(&item.block));
    }

    fn visit_expr_closure(&mut self, closure: &'a syn::ExprClosure) {
        let (id, function, _) = self.closure(closure);
        self.function(id, &function.params, |this| this.visit_expr(&closure.body));
    }

    fn visit_block(&mut self, block: &'a syn::Block) {
        self.scopes.push(HashMap::default());
        visit::visit_block(self, block);
        self.scopes.pop();
    }

    fn visit_stmt(&mut self, stmt: &'a syn::Stmt) {
        if let syn::Stmt::Expr(expr, Some(_)) = stmt {
            self.note_dropped(expr);
        }
        visit::visit_stmt(self, stmt);
    }

    fn visit_local(&mut self, local: &'a syn::Local) {
        let Some(init) = &local.init else {
            self.bind_pat(&local.pat, None);
            return;
        };
        if matches!(strip_pat(&local.pat), Pat::Wild(_)) {
            self.note_dropped(&init.expr);
        }
        // The initializer sees the bindings before this one (`let socket = socket.clone()`).
        self.visit_expr(&init.expr);
        if let Some((_, otherwise)) = &init.diverge {
            self.branch(|this| this.visit_expr(otherwise));
        }
        self.bind_init(&local.pat, &init.expr);
    }

    fn visit_expr_if(&mut self, if_expr: &'a syn::ExprIf) {
        self.scopes.push(HashMap::default());
        self.visit_expr(&if_expr.cond);
        self.bind_condition(&if_expr.cond);
        self.branch(|this| this.visit_block(&if_expr.then_branch));
        self.scopes.pop();
        if let Some((_, otherwise)) = &if_expr.else_branch {
            self.branch(|this| this.visit_expr(otherwise));
        }
    }

    fn visit_expr_while(&mut self, while_expr: &'a syn::ExprWhile) {
        self.scopes.push(HashMap::default());
        self.visit_expr(&while_expr.cond);
        self.bind_condition(&while_expr.cond);
        self.branch(|this| this.visit_block(&while_expr.body));
        self.scopes.pop();
    }

    fn visit_expr_for_loop(&mut self, for_loop: &'a syn::ExprForLoop) {
        self.visit_expr(&for_loop.expr);
        self.scopes.push(HashMap::default());
        self.bind_pat(&for_loop.pat, None);
        self.branch(|this| this.visit_block(&for_loop.body));
        self.scopes.pop();
    }

    fn visit_expr_loop(&mut self, loop_expr: &'a syn::ExprLoop) {
        self.branch(|this| this.visit_block(&loop_expr.body));
    }

    fn visit_expr_match(&mut self, match_expr: &'a syn::ExprMatch) {
        self.visit_expr(&match_expr.expr);
        for arm in &match_expr.arms {
            self.scopes.push(HashMap::default());
            self.bind_init(&arm.pat, &match_expr.expr);
            self.branch(|this| {
                if let Some((_, guard)) = &arm.guard {
                    this.visit_expr(guard);
                }
                this.visit_expr(&arm.body);
            });
            self.scopes.pop();
        }
    }

    fn visit_expr_method_call(&mut self, call: &'a syn::ExprMethodCall) {
        rust_socketio::note_builder_chain(self, call);
        let method = call.method.to_string();
        match self.socket(&call.receiver) {
            Some(receiver) if self.client_file || rust_socketio::is_client(&receiver) => {
                rust_socketio::on_method(self, call, receiver, &method);
            }
            Some(receiver) => socketioxide::on_method(self, call, receiver, &method),
            None => self.record_socket_call(Callee::Named(method), call.args.iter()),
        }
        visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_call(&mut self, call: &'a syn::ExprCall) {
        if let Some(callee) = self.callee(&call.func) {
            self.record_socket_call(callee, call.args.iter());
        }
        visit::visit_expr_call(self, call);
    }

    /// A macro whose arguments are expressions (`assert!(...)`, `println!(...)`,
    /// `vec![...]`, `tokio::join!(...)`) is walked as those expressions, in the scope it
    /// is written in; any other macro is opaque.
    fn visit_macro(&mut self, mac: &'a syn::Macro) {
        let key = self.span(&mac.bang_token).start;
        if let Some(args) = self.macro_args.get(key) {
            for arg in args {
                self.visit_expr(arg);
            }
        }
    }
}

/// Items of a file, collected before the walk: constants, functions, structs, and the
/// crates it uses.
#[derive(Default)]
struct Items<'a> {
    side: Option<Side>,
    consts: Vec<(String, (String, proc_macro2::Span))>,
    fns: Vec<(String, &'a syn::Signature, &'a syn::Block)>,
    structs: Vec<(&'a syn::ItemStruct, proc_macro2::Span)>,
    /// Functions code calls by name (not `main`, not trait methods, which their caller
    /// reaches through the trait, not `pub` ones, which other crates may call), and
    /// where they are.
    callable: Vec<(String, proc_macro2::Span)>,
    /// `#[cfg(test)]` modules and `#[test]` functions.
    tests: Vec<proc_macro2::Span>,
    in_trait_impl: bool,
}

/// `#[cfg(test)]`, `#[test]`, `#[tokio::test]`: the item is test code.
fn is_test_item(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let path = attr.path();
        if path.is_ident("cfg") {
            return attr
                .parse_args::<syn::Ident>()
                .is_ok_and(|ident| ident == "test");
        }
        path.segments
            .last()
            .is_some_and(|last| last.ident == "test")
    })
}

impl Items<'_> {
    fn crate_used(&mut self, root: &syn::Ident) {
        if self.side.is_some() {
            return;
        }
        if root == "socketioxide" {
            self.side = Some(Side::Server);
        } else if root == "rust_socketio" {
            self.side = Some(Side::Client);
        }
    }

    fn constant(&mut self, ident: &syn::Ident, expr: &Expr) {
        if let Expr::Lit(lit) = strip(expr)
            && let Lit::Str(s) = &lit.lit
        {
            self.consts.push((ident.to_string(), (s.value(), s.span())));
        }
    }
}

impl<'a> Visit<'a> for Items<'a> {
    fn visit_item_use(&mut self, item: &'a syn::ItemUse) {
        let mut tree = &item.tree;
        // `use ::socketioxide::...` has a leading colon and the same first segment.
        loop {
            match tree {
                UseTree::Path(path) => {
                    self.crate_used(&path.ident);
                    tree = &path.tree;
                    if path.ident != "crate" && path.ident != "self" {
                        break;
                    }
                }
                UseTree::Group(group) => {
                    for tree in &group.items {
                        if let UseTree::Path(path) = tree {
                            self.crate_used(&path.ident);
                        }
                    }
                    break;
                }
                _ => break,
            }
        }
    }

    fn visit_path(&mut self, path: &'a syn::Path) {
        if let Some(first) = path.segments.first() {
            self.crate_used(&first.ident);
        }
        visit::visit_path(self, path);
    }

    fn visit_item_const(&mut self, item: &'a syn::ItemConst) {
        self.constant(&item.ident, &item.expr);
        visit::visit_item_const(self, item);
    }

    fn visit_item_static(&mut self, item: &'a syn::ItemStatic) {
        self.constant(&item.ident, &item.expr);
        visit::visit_item_static(self, item);
    }

    fn visit_impl_item_const(&mut self, item: &'a syn::ImplItemConst) {
        self.constant(&item.ident, &item.expr);
        visit::visit_impl_item_const(self, item);
    }

    fn visit_item_fn(&mut self, item: &'a syn::ItemFn) {
        self.fns
            .push((item.sig.ident.to_string(), &item.sig, &item.block));
        if is_test_item(&item.attrs) {
            self.tests.push(item.span());
        } else if item.sig.ident != "main" && !matches!(item.vis, syn::Visibility::Public(_)) {
            self.callable
                .push((item.sig.ident.to_string(), item.span()));
        }
        visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'a syn::ImplItemFn) {
        self.fns
            .push((item.sig.ident.to_string(), &item.sig, &item.block));
        if !self.in_trait_impl && !matches!(item.vis, syn::Visibility::Public(_)) {
            self.callable
                .push((item.sig.ident.to_string(), item.span()));
        }
        visit::visit_impl_item_fn(self, item);
    }

    fn visit_item_impl(&mut self, item: &'a syn::ItemImpl) {
        let outer = std::mem::replace(&mut self.in_trait_impl, item.trait_.is_some());
        visit::visit_item_impl(self, item);
        self.in_trait_impl = outer;
    }

    fn visit_item_mod(&mut self, item: &'a syn::ItemMod) {
        if is_test_item(&item.attrs) {
            self.tests.push(item.span());
        }
        visit::visit_item_mod(self, item);
    }

    fn visit_item_struct(&mut self, item: &'a syn::ItemStruct) {
        self.structs.push((item, item.ident.span()));
        visit::visit_item_struct(self, item);
    }
}

/// What a parameter's type makes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    SocketRef,
    SocketIo,
    Client,
}

/// `SocketRef`, `&SocketIo`, `State<SocketIo>`, `Arc<SocketIo>`, `RawClient`, ...
fn type_role(ty: &Type, client_file: bool) -> Option<Role> {
    match ty {
        Type::Reference(reference) => type_role(&reference.elem, client_file),
        Type::Paren(paren) => type_role(&paren.elem, client_file),
        Type::Group(group) => type_role(&group.elem, client_file),
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            let name = last.ident.to_string();
            match name.as_str() {
                "SocketRef" => Some(Role::SocketRef),
                "SocketIo" => Some(Role::SocketIo),
                "RawClient" => Some(Role::Client),
                "Client" | "Socket" if client_file => Some(Role::Client),
                // A wrapper around the server handle (an axum extractor, an `Arc`).
                _ => type_args(&last.arguments)
                    .find_map(|arg| type_role(arg, client_file))
                    .filter(|role| *role == Role::SocketIo),
            }
        }
        _ => None,
    }
}

fn sig_params(sig: &syn::Signature) -> Vec<Param<'_>> {
    sig.inputs
        .iter()
        .filter_map(|arg| match arg {
            FnArg::Typed(typed) => Some(Param {
                pat: &typed.pat,
                ty: Some(&typed.ty),
            }),
            FnArg::Receiver(_) => None,
        })
        .collect()
}

/// The socketioxide server (`io`).
fn server_socket() -> SocketRef {
    SocketRef {
        origin: Origin::Server,
        ops: Vec::new(),
    }
}
