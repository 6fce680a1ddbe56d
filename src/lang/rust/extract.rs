//! The walk over one Rust file: items, scopes, bindings, and the method calls that are
//! socket sites (handed to `socketioxide.rs` or `rust_socketio.rs` by the receiver).
//!
//! A value is a socket only when it is known to be one: the `io` of
//! `SocketIo::new_layer()`/`builder()`, a parameter typed `SocketRef`, `SocketIo`,
//! `RawClient`/`Client`, a struct field typed `SocketIo`, a `ClientBuilder::new(...)`
//! chain, or what the socket operators (`to`, `of`, `broadcast()`, ...) make of those.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, FnArg, GenericArgument, Lit, Pat, PathArguments, Type, UseTree};

use super::flow::{self, Body, LocalFn, LocalFns, Param, strip, strip_pat};
use super::{rust_socketio, serde_shape, socketioxide, to_span};
use crate::facts::{
    self, CallEffects, Callee, ExportValue, FileFacts, FnShape, FuncId, Function, HandlerSignature,
    Op, Origin, RUST_CONST, SOCKET_EXTRACTOR, Side, SocketCall, SocketRef, TypedSocket, Value,
};

/// A function being walked.
struct Frame {
    id: FuncId,
    /// Branches and loops entered in this function: a registration inside one may not
    /// run every time.
    branches: u32,
}

#[derive(Clone, Debug)]
pub(super) enum Binding {
    Socket(SocketRef),
    Value(Value),
    /// A closure bound to a name (`let on_message = |...| ...`).
    Func(FuncId),
}

/// A handler or callback as far as this file can see it.
pub(super) struct Listener<'a> {
    pub callee: Callee,
    /// The parameters and body, when the function is in this file.
    pub function: Option<LocalFn<'a>>,
    pub shape: Option<FnShape>,
    pub name: Option<String>,
}

pub(super) struct Extractor<'a> {
    pub(super) facts: FileFacts,
    pub(super) len: u32,
    text: &'a str,
    scopes: Vec<HashMap<String, Binding>>,
    frames: Vec<Frame>,
    /// Functions of this file by name, with their ids and shapes.
    pub(super) locals: LocalFns<'a>,
    fn_items: HashMap<String, (FuncId, FnShape)>,
    /// Closures bound to a name (`let on_message = |...| ...`), by id.
    closures: HashMap<FuncId, (LocalFn<'a>, FnShape)>,
    /// String constants of this file by name.
    consts: HashMap<String, Value>,
    func_ids: HashMap<u32, FuncId>,
    /// The namespace of each `ClientBuilder::new(...)` chain (its `.namespace(...)`),
    /// by the span of the `new` call.
    pub(super) builder_ns: HashMap<facts::Span, Value>,
    /// Method calls whose value is thrown away (`x.emit(...);`, `let _ = x.emit(...);`).
    dropped: HashSet<facts::Span>,
    /// The file uses rust_socketio: `Client` and `Socket` name its types.
    client_file: bool,
    /// The arguments of this file's function-like macros, parsed before the walk.
    macro_args: &'a MacroArgs,
}

impl<'a> Extractor<'a> {
    pub(super) fn new(text: &'a str, macro_args: &'a MacroArgs) -> Extractor<'a> {
        Extractor {
            facts: FileFacts::default(),
            len: text.len() as u32,
            text,
            scopes: vec![HashMap::default()],
            frames: Vec::new(),
            locals: HashMap::default(),
            fn_items: HashMap::default(),
            closures: HashMap::default(),
            consts: HashMap::default(),
            func_ids: HashMap::default(),
            builder_ns: HashMap::default(),
            dropped: HashSet::default(),
            client_file: false,
            macro_args,
        }
    }

    pub(super) fn span(&self, node: &impl Spanned) -> facts::Span {
        to_span(node.span(), self.len)
    }

    /// A method call as a site: from its receiver (`socket.on(...)`), or from the `.`
    /// when the method is on a later line than where the receiver starts (a builder
    /// chain written one call a line), so the site is on the line of its own method.
    pub(super) fn call_span(&self, call: &syn::ExprMethodCall) -> facts::Span {
        let whole = self.span(call);
        let dot = self.span(&call.dot_token).start;
        if self.multiline(facts::Span::new(whole.start, dot)) {
            facts::Span::new(dot, whole.end)
        } else {
            whole
        }
    }

    fn multiline(&self, span: facts::Span) -> bool {
        self.text
            .get(span.start as usize..span.end as usize)
            .is_some_and(|code| code.contains('\n'))
    }

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
                function.handler = Some(signature);
            }
        }
        self.visit_file(file);
    }

    /// The id of the function whose parameter list opens at `start`.
    fn func_id(&mut self, start: u32, name: Option<String>) -> FuncId {
        if let Some(&id) = self.func_ids.get(&start) {
            return id;
        }
        let id = self.facts.functions.len() as FuncId;
        // Rust bodies are summarized as they are walked: the front-end never defers.
        self.facts.functions.push(Function {
            name,
            effects: Some(CallEffects::default()),
            ..Function::default()
        });
        self.func_ids.insert(start, id);
        id
    }

    // ----- scopes -------------------------------------------------------------------

    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name))
    }

    fn bind(&mut self, name: String, binding: Binding) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, binding);
        }
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

    /// The function being walked.
    pub(super) fn frame(&self) -> Option<FuncId> {
        self.frames.last().map(|frame| frame.id)
    }

    /// Registered inside a branch or loop of the current function.
    pub(super) fn conditional(&self) -> bool {
        self.frames.last().is_some_and(|frame| frame.branches > 0)
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
            let is_ack = param
                .ty
                .is_some_and(|ty| extractor(ty).is_some_and(|(name, _)| name == "AckSender"));
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
            function.effects = Some(CallEffects {
                param_calls,
                ..CallEffects::default()
            });
        }
    }

    // ----- values -------------------------------------------------------------------

    /// The string an expression is, for event names and namespaces.
    pub(super) fn value(&self, expr: &Expr) -> Value {
        match strip(expr) {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Str(s) => Value::Literal {
                    value: s.value(),
                    span: self.span(s),
                },
                _ => Value::Unknown,
            },
            Expr::Path(path) if path.qself.is_none() => {
                let segments = &path.path.segments;
                let Some(last) = segments.last().map(|s| s.ident.to_string()) else {
                    return Value::Unknown;
                };
                if segments.len() == 1
                    && let Some(Binding::Value(value)) = self.lookup(&last)
                {
                    return value.clone();
                }
                let parent = segments.len().checked_sub(2).map(|i| &segments[i].ident);
                if parent.is_some_and(|p| p == "Event")
                    && let Some(name) = rust_socketio::builtin_event(&last)
                {
                    return Value::Str(name.to_owned());
                }
                if let Some(value) = self.consts.get(&last) {
                    return value.clone();
                }
                if is_const_name(&last) {
                    return Value::Import {
                        specifier: RUST_CONST.to_owned(),
                        name: last,
                        path: Vec::new(),
                    };
                }
                Value::Unknown
            }
            // `EVENT.to_string()`, `"x".into()`.
            Expr::MethodCall(call)
                if call.args.is_empty()
                    && matches!(
                        call.method.to_string().as_str(),
                        "to_string" | "to_owned" | "into" | "as_str" | "clone"
                    ) =>
            {
                self.value(&call.receiver)
            }
            // `String::from(EVENT)`, `Cow::Borrowed(EVENT)`, `Event::Custom(name)`.
            Expr::Call(call) if call.args.len() == 1 => match strip(&call.func) {
                Expr::Path(path)
                    if path.path.segments.last().is_some_and(|s| {
                        matches!(
                            s.ident.to_string().as_str(),
                            "from" | "Borrowed" | "Owned" | "Custom"
                        )
                    }) =>
                {
                    self.value(&call.args[0])
                }
                _ => Value::Unknown,
            },
            _ => Value::Unknown,
        }
    }

    /// The event-name argument is written as a string literal (a rename can edit it).
    pub(super) fn is_literal(expr: &Expr) -> bool {
        matches!(strip(expr), Expr::Lit(lit) if matches!(lit.lit, Lit::Str(_)))
    }

    // ----- sockets ------------------------------------------------------------------

    /// What socket an expression is, if any.
    pub(super) fn socket(&self, expr: &Expr) -> Option<SocketRef> {
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

    /// A handler argument: a closure, a closure bound to a name, or a function item
    /// (of this file, or named for linking to find in another).
    pub(super) fn listener(&mut self, expr: &'a Expr) -> Option<Listener<'a>> {
        match strip(expr) {
            Expr::Closure(closure) => {
                let (id, function, shape) = self.closure(closure);
                Some(Listener {
                    callee: Callee::Local(id),
                    function: Some(function),
                    shape: Some(shape),
                    name: None,
                })
            }
            Expr::Path(path) if path.qself.is_none() => {
                let name = path.path.segments.last()?.ident.to_string();
                let single = path.path.segments.len() == 1;
                if single && let Some(Binding::Func(id)) = self.lookup(&name) {
                    let id = *id;
                    let closure = self.closures.get(&id);
                    return Some(Listener {
                        callee: Callee::Local(id),
                        function: closure.map(|(function, _)| function.clone()),
                        shape: closure.map(|(_, shape)| shape.clone()),
                        name: Some(name),
                    });
                }
                // `handlers::on_message` may be this file's `on_message` only when the
                // path says so; other paths name a function linking finds by name.
                let here = single
                    || path
                        .path
                        .segments
                        .first()
                        .is_some_and(|s| s.ident == "self")
                        && path.path.segments.len() == 2;
                match self.fn_items.get(&name).filter(|_| here) {
                    Some((id, shape)) => Some(Listener {
                        callee: Callee::Local(*id),
                        function: self.locals.get(&name).cloned(),
                        shape: Some(shape.clone()),
                        name: Some(name),
                    }),
                    None => Some(Listener {
                        callee: Callee::Named(path_name(&path.path)),
                        function: None,
                        shape: None,
                        name: Some(name),
                    }),
                }
            }
            _ => None,
        }
    }

    /// The registration hands `socket` to the handler as `index` (or as the socket
    /// extractor), so the handler's parameter resolves to it when linking.
    pub(super) fn pass_socket(&mut self, listener: &Listener<'_>, index: u32, socket: SocketRef) {
        self.facts.calls.push(SocketCall {
            callee: listener.callee.clone(),
            args: vec![(index, socket)],
        });
    }

    /// An `emit` at `call` with the event name in `name`, with no payload count, no ack
    /// and nothing waiting on it: each library fills in what it knows.
    pub(super) fn emit_at(
        &self,
        call: &syn::ExprMethodCall,
        name: &Expr,
        receiver: SocketRef,
    ) -> facts::Emit {
        facts::Emit {
            transport: crate::transport::Transport::SocketIo,
            span: self.call_span(call),
            name_span: self.span(name),
            receiver,
            name: self.value(name),
            name_is_literal: Extractor::is_literal(name),
            method: facts::EmitMethod::Emit,
            args: None,
            ack_callback: false,
            ack_known: true,
            awaited: false,
            io_in_scope: None,
            dropped: false,
            payload_keys: None,
            awaited_emit: None,
            reply_to: None,
        }
    }

    pub(super) fn is_dropped(&self, call: &syn::ExprMethodCall) -> bool {
        self.dropped.contains(&self.span(call))
    }

    /// `register(&socket)`, `self.attach(io.clone())`: which arguments are sockets, so
    /// the callee's parameters can be filled across functions and files.
    fn record_socket_call<'e>(&mut self, callee: Callee, args: impl Iterator<Item = &'e Expr>) {
        let args: Vec<(u32, SocketRef)> = args
            .enumerate()
            .filter_map(|(i, arg)| self.socket(arg).map(|s| (i as u32, s)))
            .collect();
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

/// The arguments of every function-like macro of a file whose tokens are a
/// comma-separated list of expressions, by where the macro's `!` is. Parsed before the
/// walk and kept for as long as the file's tree, so that the walk can hold on to them
/// as it holds on to the tree; the tokens keep their spans in the file. A macro that
/// does not parse that way (`macro_rules!`, `json!({...})`, `select! { ... }`, a DSL)
/// is left out silently. A format macro's first argument is a format string: a string
/// literal, which names no event on its own.
#[derive(Default)]
pub(super) struct MacroArgs {
    by_bang: HashMap<u32, Vec<Expr>>,
}

impl MacroArgs {
    pub(super) fn parse(file: &syn::File, len: u32) -> MacroArgs {
        let mut collector = MacroCollector {
            len,
            found: Vec::new(),
        };
        collector.visit_file(file);
        let mut parsed = collector.found;
        // Macros inside macro arguments (`assert!(matches!(...))`): their tokens are
        // only seen once the outer arguments are parsed. Each round looks inside the
        // macros the previous one added, so every macro is parsed once.
        let mut next = 0;
        while next < parsed.len() {
            let mut nested = MacroCollector {
                len,
                found: Vec::new(),
            };
            for arg in &parsed[next].1 {
                nested.visit_expr(arg);
            }
            parsed.extend(nested.found);
            next += 1;
        }
        MacroArgs {
            by_bang: parsed.into_iter().collect(),
        }
    }

    fn get(&self, bang: u32) -> Option<&Vec<Expr>> {
        self.by_bang.get(&bang)
    }
}

struct MacroCollector {
    len: u32,
    found: Vec<(u32, Vec<Expr>)>,
}

impl<'ast> Visit<'ast> for MacroCollector {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let parsed = mac
            .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated);
        if let Ok(args) = parsed
            && !args.is_empty()
        {
            let bang = to_span(mac.bang_token.span, self.len).start;
            self.found.push((bang, args.into_iter().collect()));
        }
    }

    /// `macro_rules! name { ... }` defines a macro: its body is patterns, not code.
    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if item.ident.is_none() {
            self.visit_macro(&item.mac);
        }
    }
}

impl<'a> Extractor<'a> {
    fn walk_fn_item(&mut self, sig: &'a syn::Signature, walk: impl FnOnce(&mut Self)) {
        let name = sig.ident.to_string();
        let start = self.span(&sig.paren_token.span.open()).start;
        let id = self.func_id(start, Some(name.clone()));
        self.record_param_calls(id, &name);
        let params = sig_params(sig);
        self.function(id, &params, walk);
    }

    /// A closure's id (by where its parameter list opens), parameters and shape. For
    /// Rust, `FnShape::start` is the opening `|` or `(` of the parameter list.
    fn closure(&mut self, closure: &'a syn::ExprClosure) -> (FuncId, LocalFn<'a>, FnShape) {
        let start = self.span(&closure.or1_token).start;
        let id = self.func_id(start, None);
        let params: Vec<Param<'a>> = closure
            .inputs
            .iter()
            .map(|pat| match pat {
                Pat::Type(typed) => Param {
                    pat: &typed.pat,
                    ty: Some(&typed.ty),
                },
                pat => Param { pat, ty: None },
            })
            .collect();
        let body = Body::of_closure(&closure.body);
        let shape = FnShape {
            start,
            params: params_span(self, &params),
            parens: false,
            body: match body {
                Body::Block(block) => Some(self.span(block)),
                Body::Expr(_) => None,
            },
        };
        (id, LocalFn { params, body }, shape)
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

fn type_args(arguments: &PathArguments) -> impl Iterator<Item = &Type> {
    let args = match arguments {
        PathArguments::AngleBracketed(args) => Some(&args.args),
        _ => None,
    };
    args.into_iter().flatten().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// A socketioxide extractor type: its name and first type argument (`Data<T>`).
pub(super) fn extractor(ty: &Type) -> Option<(String, Option<&Type>)> {
    match ty {
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            Some((last.ident.to_string(), type_args(&last.arguments).next()))
        }
        Type::Paren(paren) => extractor(&paren.elem),
        Type::Group(group) => extractor(&group.elem),
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

fn params_span(extractor: &Extractor<'_>, params: &[Param<'_>]) -> Option<facts::Span> {
    let first = params.first()?;
    let last = params.last()?;
    let end = match last.ty {
        Some(ty) => extractor.span(ty).end,
        None => extractor.span(last.pat).end,
    };
    Some(facts::Span::new(extractor.span(first.pat).start, end))
}

fn pat_idents(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(ident) => {
            out.push(ident.ident.to_string());
            if let Some((_, sub)) = &ident.subpat {
                pat_idents(sub, out);
            }
        }
        Pat::Type(inner) => pat_idents(&inner.pat, out),
        Pat::Reference(inner) => pat_idents(&inner.pat, out),
        Pat::Paren(inner) => pat_idents(&inner.pat, out),
        Pat::Tuple(tuple) => tuple.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::TupleStruct(tuple) => tuple.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Slice(slice) => slice.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Struct(strukt) => strukt.fields.iter().for_each(|f| pat_idents(&f.pat, out)),
        Pat::Or(or) => or.cases.iter().for_each(|p| pat_idents(p, out)),
        _ => {}
    }
}

/// A function path for linking to find by name: `admin::on_connect` keeps its module
/// (see `link/names.rs`), `crate::`, `self::` and `super::` say nothing about it.
fn path_name(path: &syn::Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .filter(|s| !matches!(s.as_str(), "crate" | "self" | "super"))
        .collect();
    segments.join("::")
}

/// `MESSAGE_NEW`: named like a constant.
fn is_const_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

pub(super) fn server_socket() -> SocketRef {
    SocketRef {
        origin: Origin::Server,
        ops: Vec::new(),
    }
}

/// A socket with one more operator applied.
pub(super) fn with_op(mut socket: SocketRef, op: Op) -> SocketRef {
    socket.ops.push(op);
    socket
}
