//! Which expressions are Socket.IO sockets, servers, namespaces or broadcast operators.
//!
//! Precision lives here: `x.emit(...)` is socket traffic only when `x` evaluates to a
//! [`SocketRef`]. Node's EventEmitter, streams, DOM targets and event buses evaluate to
//! nothing and produce no sites.

use std::borrow::Cow;

use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::packages::{CLIENT_PKG, SERVER_PKG, package_side};
use super::syntax::{member_of, member_prop_name, prop_name_is, require_specifier, unwrap_expr};
use crate::facts::{Callee as FnCallee, ContextRef, NsExpr, Op, Origin, Side, SocketRef, Value};

impl Extractor<'_> {
    /// The socket an expression evaluates to, if any.
    pub(super) fn socket(&self, expr: &Expr) -> Option<SocketRef> {
        let expr = unwrap_expr(expr);
        if let Expr::New(_) = expr {
            return self.creation(expr);
        }
        match expr {
            Expr::Ident(ident) => self.socket_named(&ident.sym),
            Expr::Member(member) => self.socket_member(&member.obj, &member.prop),
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(member) => self.socket_member(&member.obj, &member.prop),
                // `socket?.timeout(5000)`: as the plain call.
                OptChainBase::Call(call) => self.socket_of_call(&CallExpr {
                    span: call.span,
                    ctxt: call.ctxt,
                    callee: Callee::Expr(Box::new(member_of(&call.callee))),
                    args: call.args.clone(),
                    type_args: None,
                }),
            },
            Expr::Call(call) => self.socket_of_call(call),
            Expr::Cond(cond) => self.socket(&cond.cons).or_else(|| self.socket(&cond.alt)),
            Expr::Bin(bin)
                if matches!(bin.op, BinaryOp::LogicalOr | BinaryOp::NullishCoalescing) =>
            {
                self.socket(&bin.left).or_else(|| self.socket(&bin.right))
            }
            Expr::Bin(bin) if bin.op == BinaryOp::LogicalAnd => self.socket(&bin.right),
            Expr::Seq(seq) => seq.exprs.last().and_then(|last| self.socket(last)),
            Expr::Assign(assign) => self.socket(&assign.right),
            _ => None,
        }
    }

    fn socket_named(&self, name: &str) -> Option<SocketRef> {
        match self.lookup(name) {
            Some(Binding::Socket(socket)) => Some(socket.clone()),
            Some(Binding::Import { specifier, name }) => {
                // The socket.io packages export functions and classes, not sockets.
                if package_side(specifier).is_some() {
                    return None;
                }
                Some(root(Origin::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path: Vec::new(),
                }))
            }
            Some(Binding::Unknown | Binding::Data) | None => match self.assigned.get(name) {
                Some(socket) => Some(socket.clone()),
                None if self.assigned_foreign.contains(name) => None,
                None => self.guess(name),
            },
            Some(
                Binding::Func(_)
                | Binding::Value(_)
                | Binding::Foreign
                | Binding::Sockets(_)
                | Binding::Entries(_)
                | Binding::TauriWindow(_),
            ) => None,
        }
    }

    /// The element of an array of sockets: `sockets` bound to one, or an array written
    /// here.
    pub(super) fn socket_array(&self, expr: &Expr) -> Option<SocketRef> {
        match unwrap_expr(expr) {
            Expr::Ident(ident) => match self.lookup(&ident.sym) {
                Some(Binding::Sockets(element)) => Some(element.clone()),
                _ => None,
            },
            // `this.sockets`
            Expr::Member(member) if matches!(unwrap_expr(&member.obj), Expr::This(_)) => {
                self.this_array(&member_prop_name(&member.prop)?).cloned()
            }
            // `io.sockets.sockets`, `nsp.sockets` (a Map in v3+), `nsp.connected` (v2): the
            // connected sockets of a namespace, each a server socket of it.
            Expr::Member(member)
                if matches!(
                    member_prop_name(&member.prop).as_deref(),
                    Some("sockets" | "connected")
                ) && !matches!(member.prop, MemberProp::Computed(_)) =>
            {
                self.socket(&member.obj)
                    .map(|namespace| with(namespace, Op::Connection))
            }
            expr => self.socket_elements(expr),
        }
    }

    /// The sockets an array expression holds: `[io(a), io(b)]` (its first socket
    /// element), `Array.from({ length: n }, () => io(url))`, `list.map(() => io(url))`.
    pub(super) fn socket_elements(&self, expr: &Expr) -> Option<SocketRef> {
        match unwrap_expr(expr) {
            Expr::Array(array) => array.elems.iter().flatten().find_map(|elem| {
                if elem.spread.is_some() {
                    // `[...nsp.sockets.values()]`: the elements of what is spread.
                    self.socket_array(&elem.expr)
                } else {
                    self.socket(&elem.expr)
                }
            }),
            Expr::Call(call) => {
                let Callee::Expr(callee) = &call.callee else {
                    return None;
                };
                let Expr::Member(member) = unwrap_expr(callee) else {
                    return None;
                };
                let on_object_or_array = matches!(
                    unwrap_expr(&member.obj),
                    Expr::Ident(id) if matches!(&*id.sym, "Object" | "Array")
                );
                // `Object.values(io.sockets.connected)`, `Array.from(nsp.sockets.values())`:
                // the same elements.
                if on_object_or_array
                    && call.args.len() == 1
                    && matches!(
                        member_prop_name(&member.prop).as_deref(),
                        Some("values" | "from")
                    )
                {
                    return self.socket_array(&call.args[0].expr);
                }
                let mapper = match member_prop_name(&member.prop).as_deref() {
                    Some("from") if matches!(unwrap_expr(&member.obj), Expr::Ident(id) if &*id.sym == "Array") => {
                        call.args.get(1)?
                    }
                    // `[...Array(n)].map(() => io(url))`: whatever is mapped.
                    Some("map" | "flatMap") => call.args.first()?,
                    // `sockets.filter(...)`, `sockets.slice(1)`: the same elements.
                    Some(
                        "filter" | "slice" | "concat" | "reverse" | "sort" | "toSorted" | "values",
                    ) => {
                        return self.socket_array(&member.obj);
                    }
                    _ => return None,
                };
                returned_expr(&mapper.expr).and_then(|returned| self.socket(returned))
            }
            _ => None,
        }
    }

    /// A receiver named like a socket: kept with low confidence (it is dropped when
    /// linking unless the project uses socket.io).
    pub(super) fn guess(&self, name: &str) -> Option<SocketRef> {
        let name = name.trim_start_matches('$').as_bytes();
        let looks_like = ["socket", "io", "sock", "client"]
            .iter()
            .any(|word| name.eq_ignore_ascii_case(word.as_bytes()))
            || name
                .len()
                .checked_sub(6)
                .is_some_and(|at| name[at..].eq_ignore_ascii_case(b"socket"));
        looks_like.then(|| root(Origin::Guess))
    }

    fn socket_member(&self, obj: &Expr, prop: &MemberProp) -> Option<SocketRef> {
        // `sockets[0]`, `clients[i]`: an element of an array of sockets.
        if let MemberProp::Computed(_) = prop
            && let Some(element) = self.socket_array(obj)
        {
            return Some(element);
        }
        let name = member_prop_name(prop)?;
        let obj = unwrap_expr(obj);
        // `socketRef.current` after `socketRef.current = io(url)`. Most files assign
        // no socket to a member, and the key is copied to be looked up.
        if let Expr::Ident(holder) = obj
            && !self.member_assigned.is_empty()
            && let Some(socket) = self
                .member_assigned
                .get(&(holder.sym.as_str().to_owned(), name.to_string()))
        {
            return Some(socket.clone());
        }
        if matches!(obj, Expr::This(_)) {
            return match self.this_field(&name) {
                Some(socket) => Some(socket.clone()),
                None if self.this_field_is_foreign(&name) => None,
                None => self.guess(&name),
            };
        }
        let op = match &*name {
            "broadcast" => Some(Op::Broadcast),
            // `json` is a flag of the 0.9 and 2.x API (`socket.json.send(msg)`).
            "local" | "volatile" | "json" => Some(Op::Flag),
            "sockets" => Some(Op::Sockets),
            "nsp" => Some(Op::Nsp),
            "io" => Some(Op::ManagerOf),
            _ => None,
        };
        let base = self.socket(obj);
        match (base, op) {
            (Some(base), Some(op)) => {
                // A base resolved elsewhere may turn out not to be a socket at all;
                // then `x.io` is better read as a field holding one.
                let by_name = !matches!(
                    base.origin,
                    Origin::ClientFactory { .. }
                        | Origin::Manager
                        | Origin::Server
                        | Origin::Typed(_)
                );
                // `realtime.io` of an imported module: the imported socket's Manager, or
                // else the module's own `io` (`module.exports = { get io() {...} }`).
                let member_of_import = match &base.origin {
                    Origin::Import {
                        specifier,
                        name: import,
                        path,
                    } if base.ops.is_empty() => Some(root(Origin::Import {
                        specifier: specifier.clone(),
                        name: import.clone(),
                        path: path.iter().cloned().chain([name.to_string()]).collect(),
                    })),
                    _ => None,
                };
                let derived = with(base, op);
                Some(if by_name {
                    let alternatives = std::iter::once(derived)
                        .chain(member_of_import)
                        .chain([self.field(&name)])
                        .collect();
                    root(Origin::FirstOf(alternatives))
                } else {
                    derived
                })
            }
            // `api.socket` where `api` is an imported module namespace.
            (
                Some(SocketRef {
                    origin:
                        Origin::Import {
                            specifier,
                            name: import,
                            mut path,
                        },
                    ops,
                }),
                None,
            ) if ops.is_empty() => {
                path.push(name.into_owned());
                Some(SocketRef {
                    origin: Origin::Import {
                        specifier,
                        name: import,
                        path,
                    },
                    ops,
                })
            }
            (Some(_), None) => {
                // `props.socket` in a component: what its callers pass there, or else
                // what the name says.
                Some(match self.plain_param(obj) {
                    Some((func, index)) => root(Origin::Prop {
                        func,
                        index,
                        fallback: Some(Box::new(self.field(&name))),
                        name: name.into_owned(),
                    }),
                    None => self.field(&name),
                })
            }
            (None, _) => {
                if let Expr::Ident(ident) = obj
                    && let Some(Binding::Import {
                        specifier,
                        name: import,
                    }) = self.lookup(&ident.sym)
                    && package_side(specifier).is_none()
                {
                    return Some(root(Origin::Import {
                        specifier: specifier.clone(),
                        name: import.clone(),
                        path: vec![name.into_owned()],
                    }));
                }
                Some(self.field(&name))
            }
        }
    }

    /// `server.io` where `server` is opaque here: resolved against the project's class
    /// fields when linking.
    fn field(&self, name: &str) -> SocketRef {
        root(Origin::Field {
            name: name.to_owned(),
            guess: self.guess(name).is_some(),
        })
    }

    pub(super) fn socket_of_call(&self, call: &CallExpr) -> Option<SocketRef> {
        if let Some(created) = self.creation_of_call(call) {
            return Some(created);
        }
        let Callee::Expr(callee) = &call.callee else {
            return None;
        };
        let callee = unwrap_expr(callee);
        if let Expr::Member(member) = callee
            && let Some(method) = member_prop_name(&member.prop)
        {
            // `sockets.at(-1)`, `sockets.find(...)`: an element of an array of sockets.
            if matches!(
                &*method,
                "at" | "find" | "findLast" | "pop" | "shift" | "get"
            ) && let Some(element) = self.socket_array(&member.obj)
            {
                return Some(element);
            }
            let op = match &*method {
                "to" | "in" | "except" => Some(Op::Rooms),
                "timeout" => Some(Op::Timeout),
                // Methods that return the socket or server they are called on.
                "compress" | "listen" | "attach" | "use" | "connect" | "open" | "on" | "once"
                | "off" | "onAny" | "offAny" => Some(Op::Flag),
                "of" => Some(Op::Of(self.namespace_arg(call))),
                "socket" => Some(Op::ManagerSocket(self.namespace_arg(call))),
                _ => None,
            };
            if let Some(op) = op
                && let Some(base) = self.socket(&member.obj)
            {
                return Some(self.method_of_import(callee, base, op));
            }
        }
        // React: `createContext(socket)` and `useContext(SocketContext)` pass the socket through.
        if let Expr::Ident(ident) = callee
            && matches!(
                &*ident.sym,
                "useContext" | "createContext" | "inject" | "ref" | "shallowRef"
            )
        {
            let passed = call.args.first().and_then(|arg| self.socket(&arg.expr));
            // `useContext(SocketContext)`: also what the providers of that context hold.
            let provided = match (&*ident.sym, call.args.first().map(|a| unwrap_expr(&a.expr))) {
                ("useContext", Some(Expr::Ident(context))) => {
                    Some(root(Origin::Context(self.context_ref(&context.sym))))
                }
                _ => None,
            };
            return match (passed, provided) {
                (Some(passed), Some(provided)) => {
                    Some(root(Origin::FirstOf(vec![passed, provided])))
                }
                (passed, provided) => passed.or(provided),
            };
        }
        // A configured wrapper is known by the name it is called by: it may be a global,
        // auto-imported (Nuxt's `useSocket()`) or a default import. The linker decides
        // what it returns.
        if let Expr::Ident(ident) = callee
            && self.socket_wrappers.iter().any(|w| *w == *ident.sym)
        {
            return Some(root(Origin::Returned(FnCallee::Named(
                ident.sym.as_str().to_owned(),
            ))));
        }
        // `useStore((state) => state.socket)`: the field of a store.
        if let Some(name) = super::stores::selected_field(call) {
            return Some(self.field(&name));
        }
        let returned = match self.callee(callee)? {
            FnCallee::Import { specifier, .. } if package_side(&specifier).is_some() => {
                return None;
            }
            callee => callee,
        };
        Some(root(Origin::Returned(returned)))
    }

    /// `x.connect(url)` where `x` is a project module imported whole
    /// (`const socketio = require("./socketio")`, `import * as socketio from "./socketio"`):
    /// `x` may be an exported socket (`socket.connect()` returns it) or the module, whose
    /// `connect` function returns a socket. Which one is known when linking; a module
    /// namespace (`import * as`) is never a socket itself.
    fn method_of_import(&self, callee: &Expr, base: SocketRef, op: Op) -> SocketRef {
        let Origin::Import { name, .. } = &base.origin else {
            return with(base, op);
        };
        if !base.ops.is_empty() {
            return with(base, op);
        }
        // A package's `connect` (`require("some-cli-client").connect(url)`) is not
        // looked up among the project's functions of that name.
        let returned = match self.callee(callee) {
            Some(returned) if is_project_import(&returned) => returned,
            _ => return with(base, op),
        };
        let from_module = root(Origin::Returned(returned));
        if name == "*" {
            return from_module;
        }
        root(Origin::FirstOf(vec![with(base, op), from_module]))
    }

    /// A context as this file names it: imported, or declared here.
    pub(super) fn context_ref(&self, name: &str) -> ContextRef {
        match self.lookup(name) {
            Some(Binding::Import {
                specifier,
                name: imported,
            }) => ContextRef::Import {
                specifier: specifier.clone(),
                name: imported.clone(),
            },
            _ => ContextRef::Local(name.to_owned()),
        }
    }

    /// `io(url)`, `new Server()`, `new Manager(url)`: a socket value created here.
    pub(super) fn creation(&self, expr: &Expr) -> Option<SocketRef> {
        match unwrap_expr(expr) {
            Expr::Call(call) => self.creation_of_call(call),
            Expr::New(new) => {
                let (specifier, name) = self.imported(&new.callee)?;
                match (package_side(&specifier)?, &*name) {
                    (Side::Client, "Manager") => Some(root(Origin::Manager)),
                    (Side::Server, "Server" | "default" | "Emitter") => Some(root(Origin::Server)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    pub(super) fn creation_of_call(&self, call: &CallExpr) -> Option<SocketRef> {
        let Callee::Expr(callee) = &call.callee else {
            return None;
        };
        // Most calls are methods (`console.log`, `this.save`): only these names of a
        // member can make a socket, so the scopes are not searched for the others.
        if let Expr::Member(member) = unwrap_expr(callee)
            && !member_prop_name(&member.prop)
                .is_some_and(|prop| matches!(&*prop, "io" | "connect" | "default" | "lookup"))
        {
            return None;
        }
        let (specifier, name) = self.imported(callee)?;
        match (package_side(&specifier)?, &*name) {
            (Side::Client, "io" | "connect" | "default" | "lookup") => {
                Some(self.client_factory(call))
            }
            // `require("socket.io")(httpServer)`: the CommonJS export is a factory.
            (Side::Server, "default") if specifier == SERVER_PKG => Some(root(Origin::Server)),
            _ => None,
        }
    }

    /// The (package, export) a callee refers to: `io`, `sio.connect`, `require("x")`,
    /// or the browser global `io`. Borrowed: most callees are only compared.
    fn imported<'s>(&'s self, callee: &'s Expr) -> Option<(Cow<'s, str>, Cow<'s, str>)> {
        match unwrap_expr(callee) {
            Expr::Ident(ident) => match self.lookup(&ident.sym) {
                Some(Binding::Import { specifier, name }) => {
                    Some((Cow::Borrowed(specifier), Cow::Borrowed(name)))
                }
                // `<script src="/socket.io/socket.io.js">` defines a global `io`.
                None if &*ident.sym == "io" && !self.assigned.contains_key("io") => {
                    Some((Cow::Borrowed(CLIENT_PKG), Cow::Borrowed("io")))
                }
                _ => None,
            },
            Expr::Member(member) => {
                let prop = member_prop_name(&member.prop)?;
                match unwrap_expr(&member.obj) {
                    Expr::Ident(obj) => match self.lookup(&obj.sym) {
                        Some(Binding::Import { specifier, name })
                            if name == "*" || name == "default" =>
                        {
                            Some((Cow::Borrowed(specifier), prop))
                        }
                        None if &*obj.sym == "io" => Some((Cow::Borrowed(CLIENT_PKG), prop)),
                        _ => None,
                    },
                    obj => {
                        let specifier = self.own_specifier(require_specifier(obj)?);
                        Some((Cow::Owned(specifier), prop))
                    }
                }
            }
            expr => {
                let specifier = self.own_specifier(require_specifier(expr)?);
                Some((Cow::Owned(specifier), Cow::Borrowed("default")))
            }
        }
    }

    /// Whether an expression makes or opens something known not to be Socket.IO: a
    /// `new` or a call of what a [`FOREIGN_MODULES`] module exports (`new WebSocket(url)`
    /// from `ws`, `net.connect()`, `new pg.Client()`, `redis.createClient()`,
    /// `cluster.fork()`, `new EventEmitter()`), of a browser global of [`FOREIGN_GLOBALS`],
    /// or a method of such a value (`pool.connect()`).
    pub(super) fn foreign(&self, expr: &Expr) -> bool {
        // `args[0] as net.Socket`: the assertion says where the value comes from.
        if let Expr::TsAs(assertion) = expr
            && self.foreign_type(&assertion.type_ann)
        {
            return true;
        }
        let callee = match unwrap_expr(expr) {
            Expr::New(new) => &new.callee,
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                ..
            }) => callee,
            // `class extends WebSocket {}`: its instances are WebSockets.
            Expr::Class(class) => return self.foreign_class(&class.class),
            _ => return false,
        };
        self.foreign_callee(callee)
    }

    /// Whether a class extends a foreign one (`class LiveSocket extends WebSocket`).
    pub(super) fn foreign_class(&self, class: &Class) -> bool {
        class
            .super_class
            .as_deref()
            .is_some_and(|parent| self.foreign_callee(parent))
    }

    /// Whether a constructor or function makes foreign values: one of a foreign module,
    /// a foreign browser global, or a method of a foreign value.
    fn foreign_callee(&self, callee: &Expr) -> bool {
        match unwrap_expr(callee) {
            Expr::Ident(ident) => self.foreign_name(&ident.sym),
            Expr::Member(member) => match unwrap_expr(&member.obj) {
                Expr::Ident(obj) => self.foreign_name(&obj.sym),
                obj => {
                    require_specifier(obj).is_some_and(|specifier| is_foreign_module(&specifier))
                }
            },
            callee => {
                require_specifier(callee).is_some_and(|specifier| is_foreign_module(&specifier))
            }
        }
    }

    /// Whether a name in scope is a foreign module's export or value, or a foreign
    /// browser global.
    fn foreign_name(&self, name: &str) -> bool {
        match self.lookup(name) {
            Some(Binding::Import { specifier, .. }) => is_foreign_module(specifier),
            Some(Binding::Foreign | Binding::TauriWindow(_)) => true,
            None => FOREIGN_GLOBALS.contains(&name) && !self.assigned.contains_key(name),
            _ => false,
        }
    }

    /// Whether a TS type names a foreign value: `WebSocket`, `net.Socket`, `Worker`
    /// from `node:cluster`, or such a type `| null`.
    pub(super) fn foreign_type(&self, ty: &TsType) -> bool {
        match ty {
            TsType::TsTypeRef(reference) => match &reference.type_name {
                TsEntityName::Ident(ident) => self.foreign_name(&ident.sym),
                TsEntityName::TsQualifiedName(qualified) => match &qualified.left {
                    TsEntityName::Ident(module) => matches!(
                        self.lookup(&module.sym),
                        Some(Binding::Import { specifier, .. }) if is_foreign_module(specifier)
                    ),
                    TsEntityName::TsQualifiedName(_) => false,
                },
            },
            TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
                let mut named = union
                    .types
                    .iter()
                    .filter(|ty| !matches!(&***ty, TsType::TsKeywordType(_)))
                    .peekable();
                named.peek().is_some() && named.all(|ty| self.foreign_type(ty))
            }
            TsType::TsParenthesizedType(inner) => self.foreign_type(&inner.type_ann),
            _ => false,
        }
    }

    /// `io(url, options)`: a client socket, which retries every emit until it is acked
    /// when `options.retries` is set (see [`Op::Retries`]).
    fn client_factory(&self, call: &CallExpr) -> SocketRef {
        let first = call.args.first().map(|arg| unwrap_expr(&arg.expr));
        let (url, options) = match first {
            None => (Value::Str(String::new()), None),
            Some(Expr::Object(options)) => (Value::Str(String::new()), Some(options)),
            Some(url) => {
                let options = call
                    .args
                    .get(1)
                    .and_then(|arg| match unwrap_expr(&arg.expr) {
                        Expr::Object(options) => Some(options),
                        _ => None,
                    });
                (self.value(url), options)
            }
        };
        let ack_timeout = options.is_some_and(|options| option(options, "ackTimeout").is_some());
        // `retries: 0` retries nothing; any other value (a number, a variable) is taken
        // as a retrying client.
        let retries = options
            .and_then(|options| option(options, "retries"))
            .is_some_and(|value| !matches!(value, Some(Expr::Lit(Lit::Num(n))) if n.value == 0.0));
        let created = root(Origin::ClientFactory {
            ns: NsExpr::Url(url),
            ack_timeout,
        });
        if retries {
            with(created, Op::Retries)
        } else {
            created
        }
    }

    pub(super) fn namespace_arg(&self, call: &CallExpr) -> NsExpr {
        match call.args.first().map(|arg| unwrap_expr(&arg.expr)) {
            None => NsExpr::Name(Value::Str("/".to_owned())),
            Some(Expr::Lit(Lit::Regex(_)) | Expr::Arrow(_) | Expr::Fn(_)) => NsExpr::Dynamic,
            Some(expr) => NsExpr::Name(self.value(expr)),
        }
    }
}

/// The option `key` of an options object literal: `Some(Some(value))` for `key: value`,
/// `Some(None)` for the shorthand `{ key }`, `None` when it is absent.
fn option<'o>(options: &'o ObjectLit, key: &str) -> Option<Option<&'o Expr>> {
    options.props.iter().find_map(|prop| match prop {
        PropOrSpread::Prop(prop) => match &**prop {
            Prop::KeyValue(kv) if prop_name_is(&kv.key, key) => Some(Some(unwrap_expr(&kv.value))),
            Prop::Shorthand(ident) if &*ident.sym == key => Some(None),
            _ => None,
        },
        PropOrSpread::Spread(_) => None,
    })
}

/// What a callback returns when it is written as one expression: `() => io(url)`,
/// or a body whose last statement is `return io(url)`.
pub(super) fn returned_expr(callback: &Expr) -> Option<&Expr> {
    let body = match unwrap_expr(callback) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::Expr(expr) => return Some(expr),
            ArrowFunctionBody::FunctionBody(block) => block,
        },
        Expr::Fn(function) => function.function.body.as_ref()?,
        _ => return None,
    };
    match body.stmts.last()? {
        Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => Some(&**arg),
        _ => None,
    }
}

fn is_project_import(callee: &FnCallee) -> bool {
    matches!(callee, FnCallee::Import { specifier, .. } if super::wrappers::is_project_specifier(specifier))
}

fn root(origin: Origin) -> SocketRef {
    SocketRef {
        origin,
        ops: Vec::new(),
    }
}

fn with(mut socket: SocketRef, op: Op) -> SocketRef {
    socket.ops.push(op);
    socket
}

/// Packages whose values carry their own events, never Socket.IO's: WebSocket and raw
/// socket libraries, Node's networking, process and event modules, database and
/// message-queue clients, and Engine.IO (the transport under Socket.IO, whose
/// `message` events are not Socket.IO events).
const FOREIGN_MODULES: &[&str] = &[
    "amqplib",
    "child_process",
    "cluster",
    "dgram",
    "engine.io",
    "engine.io-client",
    "events",
    "http",
    "http2",
    "https",
    "ioredis",
    "isomorphic-ws",
    "kafkajs",
    "mongodb",
    "mqtt",
    "mysql",
    "mysql2",
    "nats",
    "net",
    "pg",
    "pg-pool",
    "reconnecting-websocket",
    "redis",
    "stream",
    "tls",
    "websocket",
    "worker_threads",
    "ws",
    "zeromq",
];

/// Browser globals that make event targets of their own.
const FOREIGN_GLOBALS: &[&str] = &[
    "BroadcastChannel",
    "EventSource",
    "EventTarget",
    "MessageChannel",
    "RTCPeerConnection",
    "SharedWorker",
    "WebSocket",
    "WebTransport",
    "Worker",
    "XMLHttpRequest",
];

/// Whether an import specifier is one of [`FOREIGN_MODULES`] (`node:net`, `ws/lib/x`).
fn is_foreign_module(specifier: &str) -> bool {
    let specifier = specifier.strip_prefix("node:").unwrap_or(specifier);
    let package = specifier.split('/').next().unwrap_or(specifier);
    FOREIGN_MODULES.binary_search(&package).is_ok()
}
