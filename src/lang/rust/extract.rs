//! The extractor's state: the facts of one Rust file found so far, what the walk knows
//! where it is (the bindings in scope, the functions it is in, this file's functions and
//! constants), and the questions the library modules ask of it: what string an
//! expression is, what function a handler argument is, where a call is.
//!
//! `walk.rs` moves through the file and updates this state; `socketioxide.rs` and
//! `rust_socketio.rs` read it and add sites.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use syn::spanned::Spanned;
use syn::{Expr, Lit, Pat};

use super::flow::{Body, LocalFn, LocalFns, Param};
use super::macros::MacroArgs;
use super::syntax::{is_const_name, path_name, strip, to_span};
use crate::facts::{
    self, CallEffects, Callee, FileFacts, FnShape, FuncId, Function, RUST_CONST, SocketCall,
    SocketRef, Value,
};

/// A function being walked.
pub(super) struct Frame {
    pub(super) id: FuncId,
    /// Branches and loops entered in this function: a registration inside one may not
    /// run every time.
    pub(super) branches: u32,
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

/// What the walk over one file has found so far and knows where it is.
pub(super) struct Extractor<'a> {
    pub(super) facts: FileFacts,
    pub(super) len: u32,
    text: &'a str,
    /// The bindings of each scope the walk is in, innermost last.
    pub(super) scopes: Vec<HashMap<String, Binding>>,
    /// The functions the walk is in, innermost last.
    pub(super) frames: Vec<Frame>,
    /// Functions of this file by name, with their ids and shapes.
    pub(super) locals: LocalFns<'a>,
    pub(super) fn_items: HashMap<String, (FuncId, FnShape)>,
    /// Closures bound to a name (`let on_message = |...| ...`), by id.
    pub(super) closures: HashMap<FuncId, (LocalFn<'a>, FnShape)>,
    /// String constants of this file by name.
    pub(super) consts: HashMap<String, Value>,
    /// Function ids by where their parameter list opens.
    func_ids: HashMap<u32, FuncId>,
    /// The namespace of each `ClientBuilder::new(...)` chain (its `.namespace(...)`),
    /// by the span of the `new` call.
    pub(super) builder_ns: HashMap<facts::Span, Value>,
    /// Method calls whose value is thrown away (`x.emit(...);`, `let _ = x.emit(...);`).
    pub(super) dropped: HashSet<facts::Span>,
    /// The file uses rust_socketio: `Client` and `Socket` name its types.
    pub(super) client_file: bool,
    /// The arguments of this file's function-like macros, parsed before the walk.
    pub(super) macro_args: &'a MacroArgs,
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

    /// The id of the function whose parameter list opens at `start`.
    pub(super) fn func_id(&mut self, start: u32, name: Option<String>) -> FuncId {
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

    /// What `name` is bound to in the innermost scope that binds it.
    pub(super) fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name))
    }

    /// Binds `name` in the innermost scope.
    pub(super) fn bind(&mut self, name: String, binding: Binding) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name, binding);
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
                    && let Some(name) = builtin_event(&last)
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

    /// A closure's id (by where its parameter list opens), parameters and shape. For
    /// Rust, `FnShape::start` is the opening `|` or `(` of the parameter list.
    pub(super) fn closure(
        &mut self,
        closure: &'a syn::ExprClosure,
    ) -> (FuncId, LocalFn<'a>, FnShape) {
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
            // Socket.IO has no event targets: every site is aimed at all.
            target: crate::transport::tauri::Target::Any,
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
}

pub(super) fn params_span(extractor: &Extractor<'_>, params: &[Param<'_>]) -> Option<facts::Span> {
    let first = params.first()?;
    let last = params.last()?;
    let end = match last.ty {
        Some(ty) => extractor.span(ty).end,
        None => extractor.span(last.pat).end,
    };
    Some(facts::Span::new(extractor.span(first.pat).start, end))
}

/// rust_socketio's names for its built-in events: `Event::Connect` is `"open"`.
fn builtin_event(variant: &str) -> Option<&'static str> {
    Some(match variant {
        "Connect" => "open",
        "Close" => "close",
        "Error" => "error",
        "Message" => "message",
        _ => return None,
    })
}
