//! The walk over one TS/JS module: scopes, bindings, exports and socket sites.
//!
//! The walk keeps a lexical scope chain so that `socket` in one function is not mistaken
//! for an unrelated `socket` elsewhere. What a name is bound to is a [`Binding`]; the
//! evaluation of expressions against bindings lives in `sockets.rs` and `names.rs`.

use rustc_hash::FxHashMap as HashMap;

use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::flow::{self, LocalFn, LocalFns};
use super::parse::to_span;
use crate::facts::{
    self, Ack, CallEffects, Callee as FnCallee, Calls, Connect, ContextValue, EmitMethod,
    ExportValue, FileFacts, FnShape, FuncId, Function, Handler, ListenContext, ListenMethod,
    Middleware, MissingKind, NamespaceUse, Op, Origin, Params, PendingPromise, PropCall, Removal,
    Side, SocketCall, SocketRef, TypedSocket, Value,
};
use crate::lang::Bodies;
use crate::package::SelfPackage;

/// What a class's fields hold, from its declarations and its `this.x = ...`.
struct ClassFields {
    sockets: HashMap<String, SocketRef>,
    /// Fields known to hold something other than Socket.IO.
    foreign: rustc_hash::FxHashSet<String>,
    /// Fields holding arrays of sockets, by the element.
    arrays: HashMap<String, SocketRef>,
    /// Fields every write of which is data (`count = 0`, `id: number`, `this.page =
    /// page + 1`): `this.x` is no function (see `data.rs`).
    data: rustc_hash::FxHashSet<String>,
}

/// A function being walked.
struct Frame {
    id: FuncId,
    /// The first `await` directly in this function.
    first_await: Option<facts::Span>,
    /// The parameter that is the connected socket, in a connection listener.
    connection_param: Option<String>,
    context: Option<ListenContext>,
    /// The index in `scopes` of this function's parameters: a binding found at or
    /// above it (and not a parameter) was declared in this function.
    scope_base: usize,
    params: Vec<String>,
    /// The event this function is the listener of.
    listens_to: Option<Value>,
    /// In a connection listener: the events emitted on its socket, by offset.
    emitted: Vec<(u32, Value)>,
    /// Handlers registered here after an `await` (indexes in `facts.handlers`).
    late_handlers: Vec<usize>,
    /// The rest parameter (`...args`) and its index, for wrappers that pass it on.
    rest: Option<(String, u32)>,
    /// Parameters typed as data (`ev: string`) and their indexes: a wrapper's event name
    /// is often one (`send(ev: string, payload)`).
    data_params: Vec<(String, u32)>,
}

/// What calling a socket's method does, told by the method's name.
#[derive(Clone, Copy)]
enum SocketMethod {
    Emit,
    Listen(ListenMethod),
    Middleware,
    Removal { all: bool },
    Of,
    Socket,
}

impl SocketMethod {
    fn of(name: &str) -> Option<SocketMethod> {
        Some(match name {
            "emit" | "emitWithAck" | "send" | "write" => SocketMethod::Emit,
            "on" | "addListener" | "prependListener" | "addEventListener" => {
                SocketMethod::Listen(ListenMethod::On)
            }
            "once" | "prependOnceListener" => SocketMethod::Listen(ListenMethod::Once),
            "onAny" | "prependAny" => SocketMethod::Listen(ListenMethod::Any),
            "use" => SocketMethod::Middleware,
            "off" | "removeListener" | "removeEventListener" => {
                SocketMethod::Removal { all: false }
            }
            "removeAllListeners" => SocketMethod::Removal { all: true },
            "of" => SocketMethod::Of,
            "socket" => SocketMethod::Socket,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub(super) enum Binding {
    Value(Value),
    Socket(SocketRef),
    Func(FuncId),
    Import {
        specifier: String,
        name: String,
    },
    /// `let socket;` assigned somewhere else: see `Extractor::assigned`.
    Unknown,
    /// An array of sockets (`[io(a), io(b)]`, `Socket[]`, one that sockets are pushed
    /// into): not a socket itself, but each element (`sockets[0]`, `for (const s of
    /// sockets)`) is this socket.
    Sockets(SocketRef),
    /// A value whose origin is known and is not Socket.IO (`new WebSocket(url)`, a `net`
    /// socket, a database client, a cluster worker, an `EventEmitter`): never a socket,
    /// whatever its name.
    Foreign,
    /// A value known to be no function (see `data.rs`): a number, a string, an object
    /// or array written here, a value typed as data. Nothing else is known of it.
    Data,
    /// A loop variable over a handler map or a list of names (see `maps.rs`).
    Entries(super::maps::Entries),
}

pub(super) struct Extractor<'a> {
    pub(super) facts: FileFacts,
    pub(super) len: u32,
    pub(super) scopes: Vec<HashMap<String, Binding>>,
    /// The functions being walked, innermost last.
    frames: Vec<Frame>,
    /// Top-level functions of the file, for looking into `helper(callback)`.
    pub(super) locals: LocalFns<'a>,
    /// Calls that are directly awaited, by start offset: the `await` expression.
    awaited: HashMap<u32, facts::Span>,
    /// What the function starting at an offset is the listener of.
    contexts: HashMap<u32, ListenContext>,
    /// The event each listener function (by start offset) listens to.
    listener_events: HashMap<u32, Value>,
    /// `resolve`/`reject` names of the promise executors being walked.
    resolvers: Vec<Vec<String>>,
    /// `this.x` sockets of the classes being walked, innermost last.
    pub(super) classes: Vec<HashMap<String, SocketRef>>,
    /// `this.x` fields of the same classes known to hold something else (`Foreign`).
    foreign_fields: Vec<rustc_hash::FxHashSet<String>>,
    /// `this.x` fields of the same classes known to hold data, never a function.
    pub(super) data_fields: Vec<rustc_hash::FxHashSet<String>>,
    /// `this.x` fields of the same classes holding arrays of sockets, by the element.
    class_arrays: Vec<HashMap<String, SocketRef>>,
    func_ids: HashMap<u32, FuncId>,
    /// Socket values for the parameters of a callback about to be walked, by its start.
    param_hints: HashMap<u32, Vec<(u32, SocketRef)>>,
    /// The name the next function expression gets (`const onMessage = () => ...`).
    pending_name: Option<String>,
    /// The names of the classes being walked (`None` for an anonymous one): a
    /// constructor is a function named after its class (see `constructors.rs`).
    pub(super) constructor_names: Vec<Option<String>>,
    /// `x = io(...)` assignments anywhere in the file, for `let x;` declared apart.
    pub(super) assigned: HashMap<String, SocketRef>,
    /// Names assigned a value of a known other origin anywhere in the file
    /// (`socket = new WebSocket(url)`): not to be guessed sockets by name.
    pub(super) assigned_foreign: rustc_hash::FxHashSet<String>,
    /// React state setters by name, with the state each sets: `setSocket` → `socket`.
    state_setters: HashMap<String, String>,
    /// `holder.prop = io(...)` on a plain local object anywhere in the file, by
    /// (holder, prop): a React ref (`socketRef.current = io(url)`, or
    /// `useRef(io(url))`) or a state object.
    pub(super) member_assigned: HashMap<(String, String), SocketRef>,
    /// A `.d.ts` file: read for constants, never for sites.
    pub(super) declarations_only: bool,
    /// Whether function bodies are summarized now (see `lang::Bodies`).
    pub(super) bodies: Bodies,
    /// `[sockets]` names from the configuration: calls of these return sockets.
    pub(super) socket_wrappers: &'a [String],
    /// The Socket.IO package this file is part of: its imports of itself are imports
    /// of the package by name.
    package: Option<&'a SelfPackage>,
    /// Object and array literals bound to names, for the loops over them (`maps.rs`).
    pub(super) name_maps: HashMap<String, Vec<super::maps::MapEntry>>,
    /// Blocks of listeners that run once however often the listener does (see
    /// [`once_blocks`]), as source ranges: registrations there do not pile up.
    once_blocks: Vec<(u32, u32)>,
    /// Flags set to `false` or `null` somewhere in the file (`received = false` on
    /// disconnect): a block guarded by one of them may run again.
    cleared_flags: rustc_hash::FxHashSet<String>,
    /// What the callback of `Object.keys(m).forEach(cb)` walks, by the callback's start.
    entry_hints: HashMap<u32, super::maps::Walked>,
    /// Callbacks whose first parameter is an element of an array of strings, by start.
    data_hints: rustc_hash::FxHashSet<u32>,
    /// Names assigned anywhere in the file: their initialiser does not tell what they hold.
    pub(super) reassigned: rustc_hash::FxHashSet<String>,
    /// Names whose members are assigned or which are pushed into or `Object.assign`ed
    /// anywhere in the file: a literal they were initialised with is not all they hold.
    pub(super) mutated: rustc_hash::FxHashSet<String>,
    /// Methods of the classes being walked, by name, with where each starts, innermost
    /// last: `this.send(...)`.
    pub(super) class_methods: Vec<HashMap<String, u32>>,
    /// Variables initialised with an instance of a class of the project: `const api =
    /// new Api(socket)` makes `api.emit(...)` a call of `Api`'s method.
    pub(super) instances: HashMap<String, super::wrappers::InstanceOf>,
    /// Fields of the classes being walked that hold an instance of a class of the
    /// project, by the field's declared type (`constructor(private api: Api)`, `api!:
    /// Api`), innermost last: `this.api.send(...)` calls `Api`'s method.
    pub(super) field_instances: Vec<HashMap<String, super::wrappers::InstanceOf>>,
    /// The methods of the classes declared in this file so far, by class name, with
    /// where each starts.
    pub(super) local_classes: HashMap<String, HashMap<String, u32>>,
}

pub(super) const CLIENT_PKG: &str = "socket.io-client";
pub(super) const SERVER_PKG: &str = "socket.io";

impl<'a> Extractor<'a> {
    pub(super) fn new(
        len: u32,
        declarations_only: bool,
        socket_wrappers: &'a [String],
        package: Option<&'a SelfPackage>,
    ) -> Extractor<'a> {
        Extractor {
            facts: FileFacts::default(),
            len,
            scopes: vec![HashMap::default()],
            frames: Vec::new(),
            locals: HashMap::default(),
            awaited: HashMap::default(),
            contexts: HashMap::default(),
            listener_events: HashMap::default(),
            resolvers: Vec::new(),
            classes: Vec::new(),
            foreign_fields: Vec::new(),
            data_fields: Vec::new(),
            func_ids: HashMap::default(),
            param_hints: HashMap::default(),
            pending_name: None,
            constructor_names: Vec::new(),
            assigned: HashMap::default(),
            assigned_foreign: rustc_hash::FxHashSet::default(),
            member_assigned: HashMap::default(),
            state_setters: HashMap::default(),
            class_arrays: Vec::new(),
            declarations_only,
            bodies: Bodies::Summarized,
            socket_wrappers,
            package,
            name_maps: HashMap::default(),
            once_blocks: Vec::new(),
            cleared_flags: rustc_hash::FxHashSet::default(),
            entry_hints: HashMap::default(),
            data_hints: rustc_hash::FxHashSet::default(),
            reassigned: rustc_hash::FxHashSet::default(),
            mutated: rustc_hash::FxHashSet::default(),
            class_methods: Vec::new(),
            instances: HashMap::default(),
            field_instances: Vec::new(),
            local_classes: HashMap::default(),
        }
    }

    /// The parameter `index` of the function starting at `lo` holds `socket`.
    pub(super) fn hint_param(&mut self, lo: u32, index: u32, socket: SocketRef) {
        self.param_hints
            .entry(lo)
            .or_default()
            .push((index, socket));
    }

    pub(super) fn span(&self, span: swc_common::Span) -> facts::Span {
        to_span(span, self.len)
    }

    /// Where a listener registered now runs (an effect, another event's listener).
    pub(super) fn listen_context(&self) -> Option<ListenContext> {
        self.frames.last().and_then(|frame| frame.context.clone())
    }

    pub(super) fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|scope| scope.get(name))
    }

    pub(super) fn bind(&mut self, name: &str, binding: Binding) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.insert(name.to_owned(), binding);
        }
    }

    pub(super) fn this_field(&self, name: &str) -> Option<&SocketRef> {
        self.classes.last().and_then(|fields| fields.get(name))
    }

    /// Whether `this.name` of the class being walked holds a value of a known other
    /// origin.
    /// The element of `this.name` when that field of the class being walked holds an
    /// array of sockets.
    pub(super) fn this_array(&self, name: &str) -> Option<&SocketRef> {
        self.class_arrays.last().and_then(|arrays| arrays.get(name))
    }

    pub(super) fn this_field_is_foreign(&self, name: &str) -> bool {
        self.foreign_fields
            .last()
            .is_some_and(|fields| fields.contains(name))
    }

    /// An import specifier as the package it names: inside a Socket.IO package, `..`
    /// (or another path to its root or entry point) is the package itself.
    pub(super) fn own_specifier(&self, specifier: String) -> String {
        match self.package {
            Some(package) if specifier != package.name && package.is_self(&specifier) => {
                package.name.clone()
            }
            _ => specifier,
        }
    }

    /// The id of the function starting at `lo`, created on first sight so that hoisted
    /// references and the later walk agree.
    pub(super) fn func_id(&mut self, lo: u32, name: Option<String>) -> FuncId {
        if let Some(&id) = self.func_ids.get(&lo) {
            if let (Some(name), Some(function)) = (name, self.facts.functions.get_mut(id as usize))
            {
                function.name.get_or_insert(name);
            }
            return id;
        }
        let id = self.facts.functions.len() as FuncId;
        self.facts.functions.push(Function {
            name,
            effects: (self.bodies == Bodies::Summarized).then(CallEffects::default),
            ..Function::default()
        });
        self.func_ids.insert(lo, id);
        id
    }

    // ----- module level -----------------------------------------------------------

    pub(super) fn run(&mut self, program: &'a Program) {
        self.collect_locals(program);
        self.prescan_assignments(program);
        match program {
            Program::Module(module) => {
                for item in &module.body {
                    self.hoist_module_item(item);
                }
                self.collect_socket_types(module);
                module.visit_with(self);
            }
            Program::Script(script) => {
                self.hoist_stmts(&script.body);
                script.visit_with(self);
            }
        }
        self.drop_raced_promises(program);
        self.keep_wrapper_calls();
    }

    /// A promise that never settles on purpose, as one input of a race that has another
    /// (see `races.rs`), is not a finding.
    fn drop_raced_promises(&mut self, program: &Program) {
        if self.facts.promises.is_empty() {
            return;
        }
        let pending = self.facts.promises.iter().map(|p| p.span.start).collect();
        let exempt = super::races::Races::of(program, self.len).exempt(&pending);
        self.facts
            .promises
            .retain(|promise| !exempt.contains(&promise.span.start));
    }

    /// Top-level functions by name, for the all-paths analysis to look into.
    fn collect_locals(&mut self, program: &'a Program) {
        let stmts: Vec<&'a Stmt> = match program {
            Program::Module(module) => module
                .body
                .iter()
                .filter_map(|item| match item {
                    ModuleItem::Stmt(stmt) => Some(stmt),
                    _ => None,
                })
                .collect(),
            Program::Script(script) => script.body.iter().collect(),
        };
        let exported = match program {
            Program::Module(module) => module
                .body
                .iter()
                .filter_map(|item| match item {
                    ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => Some(&export.decl),
                    _ => None,
                })
                .collect(),
            Program::Script(_) => Vec::new(),
        };
        let decls = stmts
            .into_iter()
            .filter_map(|stmt| match stmt {
                Stmt::Decl(decl) => Some(decl),
                _ => None,
            })
            .chain(exported);
        for decl in decls {
            match decl {
                Decl::Fn(function) => {
                    if let Some(local) = LocalFn::of_function(&function.function, self.len) {
                        self.locals
                            .insert(function.ident.sym.as_str().to_owned(), local);
                    }
                }
                Decl::Var(var) => {
                    for declarator in &var.decls {
                        if let (Pat::Ident(name), Some(init)) = (&declarator.name, &declarator.init)
                            && let Some(local) = LocalFn::of_expr(init, self.len)
                        {
                            self.locals.insert(name.id.sym.as_str().to_owned(), local);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn prescan_assignments(&mut self, program: &Program) {
        /// What the prescan learns besides `assigned`: for React state set to a socket
        /// before or after it is read (`socket?.emit` in one effect, `setSocket(created)`
        /// in another), the sockets made under each name and the setters' arguments.
        #[derive(Default)]
        struct States {
            created: HashMap<String, SocketRef>,
            setters: HashMap<String, String>,
            set_to: Vec<(String, SetArg)>,
        }
        enum SetArg {
            Created(SocketRef),
            Name(String),
        }
        struct Assignments<'e, 'a>(&'e mut Extractor<'a>, States);
        impl Visit for Assignments<'_, '_> {
            fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
                if let Some(init) = declarator.init.as_deref() {
                    match &declarator.name {
                        Pat::Ident(name) => {
                            if let Some(created) = self.0.creation(init) {
                                self.1
                                    .created
                                    .insert(name.id.sym.as_str().to_owned(), created);
                            }
                        }
                        Pat::Array(array) => {
                            if let Expr::Call(call) = unwrap_expr(init)
                                && let Callee::Expr(callee) = &call.callee
                                && is_state_hook(callee)
                                && let [Some(Pat::Ident(state)), Some(Pat::Ident(setter)), ..] =
                                    array.elems.as_slice()
                            {
                                self.1.setters.insert(
                                    setter.id.sym.as_str().to_owned(),
                                    state.id.sym.as_str().to_owned(),
                                );
                            }
                        }
                        _ => {}
                    }
                }
                declarator.visit_children_with(self);
            }
            fn visit_call_expr(&mut self, call: &CallExpr) {
                // `names.push(x)`, `Object.assign(handlers, more)`: filled at run time.
                if let Callee::Expr(callee) = &call.callee
                    && let Expr::Member(member) = unwrap_expr(callee)
                    && let Some(method) = member_prop_name(&member.prop)
                {
                    let target = match (unwrap_expr(&member.obj), &*method) {
                        (Expr::Ident(object), "assign" | "defineProperty")
                            if &*object.sym == "Object" =>
                        {
                            call.args.first().map(|arg| &*arg.expr)
                        }
                        (array, "push" | "unshift" | "splice") => Some(array),
                        _ => None,
                    };
                    if let Some(Expr::Ident(target)) = target.map(unwrap_expr) {
                        self.0.mutated.insert(target.sym.as_str().to_owned());
                    }
                }
                // A setter is declared (at the top of the component) before it is called.
                if let Callee::Expr(callee) = &call.callee
                    && let Expr::Ident(setter) = unwrap_expr(callee)
                    && self.1.setters.contains_key(&*setter.sym)
                    && let Some(arg) = call.args.first()
                {
                    let arg = match unwrap_expr(&arg.expr) {
                        Expr::Ident(name) => Some(SetArg::Name(name.sym.as_str().to_owned())),
                        expr => self.0.creation(expr).map(SetArg::Created),
                    };
                    if let Some(arg) = arg {
                        self.1.set_to.push((setter.sym.as_str().to_owned(), arg));
                    }
                }
                call.visit_children_with(self);
            }
            fn visit_assign_expr(&mut self, assign: &AssignExpr) {
                if assign.op == AssignOp::Assign
                    && matches!(
                        unwrap_expr(&assign.right),
                        Expr::Lit(Lit::Bool(Bool { value: false, .. }) | Lit::Null(_))
                    )
                {
                    let flag = match &assign.left {
                        AssignTarget::Simple(SimpleAssignTarget::Ident(ident)) => {
                            Some(ident.id.sym.as_str().to_owned())
                        }
                        AssignTarget::Simple(SimpleAssignTarget::Member(member)) => {
                            flag_key(&Expr::Member(member.clone()))
                        }
                        _ => None,
                    };
                    self.0.cleared_flags.extend(flag);
                }
                if let AssignTarget::Simple(SimpleAssignTarget::Ident(ident)) = &assign.left {
                    self.0.reassigned.insert(ident.id.sym.as_str().to_owned());
                    if let Some(created) = self.0.creation(&assign.right) {
                        self.0
                            .assigned
                            .insert(ident.id.sym.as_str().to_owned(), created);
                    } else if self.0.foreign(&assign.right) {
                        self.0
                            .assigned_foreign
                            .insert(ident.id.sym.as_str().to_owned());
                    }
                }
                // `handlers[event] = ...`: the map is filled at run time, not only where
                // it is written.
                if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
                    && let Expr::Ident(holder) = unwrap_expr(&member.obj)
                {
                    self.0.mutated.insert(holder.sym.as_str().to_owned());
                }
                // `socketRef.current = io(url)`, read before it is written in the file.
                if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
                    && let Expr::Ident(holder) = unwrap_expr(&member.obj)
                    && let Some(prop) = member_prop_name(&member.prop)
                    && let Some(created) = self.0.creation(&assign.right)
                {
                    self.0
                        .member_assigned
                        .insert((holder.sym.as_str().to_owned(), prop.into_owned()), created);
                }
                assign.visit_children_with(self);
            }
        }
        // Imports first, so that `io(...)` in the assignments can be recognised.
        if let Program::Module(module) = program {
            for item in &module.body {
                if let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item {
                    self.bind_import(import);
                }
            }
        }
        self.hoist_requires(program);
        let mut prescan = Assignments(self, States::default());
        program.visit_with(&mut prescan);
        let States {
            created,
            setters,
            set_to,
        } = prescan.1;
        for (setter, arg) in set_to {
            let Some(state) = setters.get(&setter) else {
                continue;
            };
            let socket = match arg {
                SetArg::Created(socket) => socket,
                SetArg::Name(name) => match created.get(&name) {
                    Some(socket) => socket.clone(),
                    None => continue,
                },
            };
            self.assigned.entry(state.clone()).or_insert(socket);
        }
    }

    /// `const x = require("socket.io-client")` at the top of a CommonJS file.
    fn hoist_requires(&mut self, program: &Program) {
        let stmts: Vec<&Stmt> = match program {
            Program::Module(module) => module
                .body
                .iter()
                .filter_map(|item| item.as_stmt())
                .collect(),
            Program::Script(script) => script.body.iter().collect(),
        };
        for stmt in stmts {
            if let Stmt::Decl(Decl::Var(var)) = stmt {
                for decl in &var.decls {
                    if let Some(init) = &decl.init
                        && let Some(specifier) = require_specifier(init)
                    {
                        self.bind_required(&decl.name, &specifier);
                    }
                }
            }
        }
    }

    fn hoist_module_item(&mut self, item: &ModuleItem) {
        match item {
            ModuleItem::Stmt(stmt) => self.hoist_stmt(stmt, true),
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => {
                self.hoist_decl(&export.decl, true)
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(export)) => {
                if let DefaultDecl::Fn(function) = &export.decl {
                    let name = function.ident.as_ref().map(|id| id.sym.as_str().to_owned());
                    let id = self.func_id(function.function.span.lo.0, name.clone());
                    if let Some(name) = name {
                        self.bind(&name, Binding::Func(id));
                    }
                }
            }
            _ => {}
        }
    }

    fn hoist_stmts(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            self.hoist_stmt(stmt, false);
        }
    }

    /// Function declarations are visible in their whole block; top-level constants are
    /// evaluated up front too, since functions above them use them when they run.
    fn hoist_stmt(&mut self, stmt: &Stmt, top_level: bool) {
        if let Stmt::Decl(decl) = stmt {
            self.hoist_decl(decl, top_level);
        }
    }

    fn hoist_decl(&mut self, decl: &Decl, top_level: bool) {
        match decl {
            Decl::Fn(function) => {
                let name = function.ident.sym.as_str().to_owned();
                let id = self.func_id(function.function.span.lo.0, Some(name.clone()));
                self.bind(&name, Binding::Func(id));
            }
            Decl::Var(var) if top_level => {
                for declarator in &var.decls {
                    self.bind_declarator(declarator);
                }
            }
            Decl::TsEnum(decl) => {
                let value = self.enum_value(decl);
                self.bind(&decl.id.sym, Binding::Value(value));
            }
            // `class LiveSocket extends WebSocket`: `new LiveSocket(url)` is no socket.
            Decl::Class(class) if self.foreign_class(&class.class) => {
                self.bind(&class.ident.sym, Binding::Foreign);
            }
            _ => {}
        }
    }

    fn bind_import(&mut self, import: &ImportDecl) {
        let specifier = self.own_specifier(import.src.value.to_string_lossy().into_owned());
        self.facts.imports.push(specifier.clone());
        if let Some(side) = package_side(&specifier) {
            self.facts.uses_socketio = true;
            // A type-only import still says which side the file is written for.
            self.facts.side.get_or_insert(side);
        }
        for spec in &import.specifiers {
            let (local, name) = match spec {
                ImportSpecifier::Named(named) => (
                    named.local.sym.as_str().to_owned(),
                    named
                        .imported
                        .as_ref()
                        .map_or_else(|| named.local.sym.as_str().to_owned(), export_name),
                ),
                ImportSpecifier::Default(default) => {
                    (default.local.sym.as_str().to_owned(), "default".to_owned())
                }
                ImportSpecifier::Namespace(ns) => {
                    (ns.local.sym.as_str().to_owned(), "*".to_owned())
                }
            };
            self.bind(
                &local,
                Binding::Import {
                    specifier: specifier.clone(),
                    name,
                },
            );
        }
    }

    fn bind_required(&mut self, pat: &Pat, specifier: &str) {
        let specifier = &*self.own_specifier(specifier.to_owned());
        if !self.facts.imports.iter().any(|s| s == specifier) {
            self.facts.imports.push(specifier.to_owned());
        }
        if let Some(side) = package_side(specifier) {
            self.facts.uses_socketio = true;
            self.facts.side.get_or_insert(side);
        }
        match pat {
            Pat::Ident(ident) => self.bind(
                &ident.id.sym,
                Binding::Import {
                    specifier: specifier.to_owned(),
                    name: "default".to_owned(),
                },
            ),
            Pat::Object(object) => {
                for prop in &object.props {
                    let (key, local) = match prop {
                        ObjectPatProp::Assign(assign) => (
                            assign.key.sym.as_str().to_owned(),
                            assign.key.sym.as_str().to_owned(),
                        ),
                        ObjectPatProp::KeyValue(kv) => match (prop_name(&kv.key), &*kv.value) {
                            (Some(key), Pat::Ident(local)) => {
                                (key, local.id.sym.as_str().to_owned())
                            }
                            _ => continue,
                        },
                        ObjectPatProp::Rest(_) => continue,
                    };
                    self.bind(
                        &local,
                        Binding::Import {
                            specifier: specifier.to_owned(),
                            name: key,
                        },
                    );
                }
            }
            _ => {}
        }
    }

    fn enum_value(&mut self, decl: &TsEnumDecl) -> Value {
        let mut fields = Vec::new();
        for member in &decl.members {
            let key = match &member.id {
                TsEnumMemberId::Ident(ident) => ident.sym.as_str().to_owned(),
                TsEnumMemberId::Str(s) => s.value.to_string_lossy().into_owned(),
            };
            let value = member
                .init
                .as_deref()
                .map_or(Value::Unknown, |init| self.value(init));
            fields.push((key, value));
        }
        Value::Object(fields)
    }

    /// Binds the names a `const`/`let` declarator introduces.
    fn bind_declarator(&mut self, declarator: &VarDeclarator) {
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

    fn bind_unknown(&mut self, pat: &Pat) {
        let mut names = Vec::new();
        pat_names(pat, &mut names);
        for name in names {
            self.bind(&name, Binding::Unknown);
        }
    }

    // ----- functions ----------------------------------------------------------------

    fn enter_function(&mut self, lo: u32, params: &[&Pat]) -> FuncId {
        let name = self.pending_name.take();
        let id = self.func_id(lo, name);
        let hints = self.param_hints.remove(&lo).unwrap_or_default();
        let mut scope = HashMap::default();
        let mut data_params = Vec::new();
        for (index, pat) in params.iter().enumerate() {
            let index = index as u32;
            let pat = match pat {
                Pat::Assign(assign) => &*assign.left,
                pat => pat,
            };
            if let Pat::Ident(ident) = pat {
                let foreign_type = ident
                    .type_ann
                    .as_deref()
                    .is_some_and(|ann| self.foreign_type(&ann.type_ann));
                let typed_array = typed_socket_array(ident.type_ann.as_deref(), self);
                let data_type = ident
                    .type_ann
                    .as_deref()
                    .is_some_and(|ann| super::data::is_scalar_type(&ann.type_ann));
                let binding = match (hints.iter().find(|(i, _)| *i == index), typed_array) {
                    (Some((_, socket)), _) => Binding::Socket(socket.clone()),
                    (None, _) if foreign_type => Binding::Foreign,
                    // `function kick(clients: Socket[])`
                    (None, Some(element)) => Binding::Sockets(element),
                    // `function archive(itemId: number)`: data, never a socket or an ack.
                    (None, None) if data_type => {
                        data_params.push((ident.id.sym.as_str().to_owned(), index));
                        Binding::Data
                    }
                    (None, None) => {
                        let typed = typed_socket(ident.type_ann.as_deref(), self);
                        if typed.is_none() {
                            self.note_imported_param_type(id, index, ident.type_ann.as_deref());
                        }
                        Binding::Socket(SocketRef {
                            origin: Origin::Param {
                                func: id,
                                index,
                                typed,
                            },
                            ops: Vec::new(),
                        })
                    }
                };
                scope.insert(ident.id.sym.as_str().to_owned(), binding);
            } else {
                let mut names = Vec::new();
                pat_names(pat, &mut names);
                for name in names {
                    scope.insert(name, Binding::Unknown);
                }
                // `function Chat({ socket })`: what the callers pass there.
                if let Pat::Object(object) = pat {
                    for (key, local) in object_pat_keys(object) {
                        let prop = self.prop_of_param(id, index, key, local);
                        scope.insert(local.to_owned(), prop);
                    }
                }
            }
        }
        let connection_param = hints
            .iter()
            .find(|(i, socket)| *i == 0 && socket.ops.last() == Some(&Op::Connection))
            .and_then(|_| match params.first() {
                Some(Pat::Ident(ident)) => Some(ident.id.sym.as_str().to_owned()),
                _ => None,
            });
        let param_names = scope.keys().cloned().collect();
        self.scopes.push(scope);
        // `Object.keys(handlers).forEach((ev) => ...)`: the first parameter walks the map.
        if let Some(walked) = self.entry_hints.remove(&lo)
            && let Some(first) = params.first()
        {
            self.bind_entries(first, walked);
        } else if self.data_hints.remove(&lo)
            && let Some(Pat::Ident(first)) = params.first()
        {
            self.bind(&first.id.sym, Binding::Data);
        }
        self.frames.push(Frame {
            id,
            first_await: None,
            connection_param,
            context: self.contexts.remove(&lo),
            scope_base: self.scopes.len() - 1,
            params: param_names,
            listens_to: self.listener_events.remove(&lo),
            emitted: Vec::new(),
            late_handlers: Vec::new(),
            rest: params
                .iter()
                .enumerate()
                .find_map(|(index, pat)| match pat {
                    Pat::Rest(rest) => match &*rest.arg {
                        Pat::Ident(ident) => Some((ident.id.sym.as_str().to_owned(), index as u32)),
                        _ => None,
                    },
                    _ => None,
                }),
            data_params,
        });
        id
    }

    /// The binding of `local`, destructured from property `key` of parameter `index`
    /// of function `func`: the socket the callers pass there, or else what the name
    /// alone says (a socket assigned to it later, a name that looks like a socket).
    fn prop_of_param(&self, func: FuncId, index: u32, key: &str, local: &str) -> Binding {
        let fallback = match self.assigned.get(local) {
            Some(socket) => Some(socket.clone()),
            None if self.assigned_foreign.contains(local) => return Binding::Unknown,
            None => self.guess(local),
        };
        Binding::Socket(SocketRef {
            origin: Origin::Prop {
                func,
                index,
                name: key.to_owned(),
                fallback: fallback.map(Box::new),
            },
            ops: Vec::new(),
        })
    }

    /// The parameter an expression names, when it is one, untyped and unchanged:
    /// `props` in `props.socket` or `const { socket } = props`.
    pub(super) fn plain_param(&self, expr: &Expr) -> Option<(FuncId, u32)> {
        let Expr::Ident(ident) = unwrap_expr(expr) else {
            return None;
        };
        match self.lookup(&ident.sym) {
            Some(Binding::Socket(SocketRef {
                origin:
                    Origin::Param {
                        func,
                        index,
                        typed: None,
                    },
                ops,
            })) if ops.is_empty() => Some((*func, *index)),
            _ => None,
        }
    }

    /// `s.on(...)` where `s` is a socket created in the function being walked
    /// (`const s = io(url)` in an effect or a listener): each run registers on a new
    /// socket, so listeners do not pile up on one.
    fn on_socket_created_here(&self, call: &CallExpr) -> bool {
        let (Some(Expr::Ident(receiver)), Some(frame)) = (call_receiver(call), self.frames.last())
        else {
            return false;
        };
        let name = &*receiver.sym;
        let Some(index) = self
            .scopes
            .iter()
            .rposition(|scope| scope.contains_key(name))
        else {
            return false;
        };
        let declared_here = index > frame.scope_base
            || (index == frame.scope_base && !frame.params.iter().any(|p| p == name));
        declared_here
            && matches!(self.scopes[index].get(name), Some(Binding::Socket(socket))
                if !matches!(socket.origin, Origin::Param { .. } | Origin::Import { .. } | Origin::Field { .. }))
    }

    /// How `function`'s body calls its parameter `index` on every path, looking through
    /// this file's local functions.
    fn summarize_param(
        &self,
        function: &LocalFn<'_>,
        index: usize,
    ) -> Option<crate::facts::Summary> {
        flow::summarize(
            &function.params,
            index,
            function.body,
            &self.locals,
            &|callee| self.callee(callee),
            self.len,
        )
    }

    /// How a named function calls each parameter it calls, so that a handler in another
    /// file that hands it its ack can be judged.
    fn record_param_calls(&mut self, id: FuncId, function: &LocalFn<'_>) {
        if self.declarations_only || self.bodies == Bodies::Deferred {
            return;
        }
        let body = flow::body_facts(function, &|callee| self.project_callee(callee));
        let mut param_calls = Vec::new();
        for index in body.called_params {
            if let Some(summary) = self.summarize_param(function, index) {
                param_calls.push((index as u32, summary.calls));
            }
        }
        if let Some(function) = self.facts.functions.get_mut(id as usize) {
            function.effects = Some(CallEffects {
                param_calls,
                throws: body.throws,
                throws_via: body.throws_via,
            });
        }
    }

    /// The rest parameter `name` of the innermost function that has one by that name.
    pub(super) fn rest_param(&self, name: &str) -> Option<(FuncId, u32)> {
        self.frames
            .iter()
            .rev()
            .find_map(|frame| match &frame.rest {
                Some((rest, index)) if rest == name => Some((frame.id, *index)),
                _ => None,
            })
    }

    /// The parameter typed as data (`ev: string`) that `name` reads here, with its
    /// function: the name must be bound in that function's parameter scope, not
    /// shadowed by an inner declaration.
    pub(super) fn data_param(&self, name: &str) -> Option<(FuncId, u32)> {
        let depth = self
            .scopes
            .iter()
            .rposition(|scope| scope.contains_key(name))?;
        let frame = self
            .frames
            .iter()
            .rev()
            .find(|frame| frame.scope_base == depth)?;
        frame
            .data_params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, index)| (frame.id, *index))
    }

    /// The function being walked.
    pub(super) fn current_function(&self) -> Option<FuncId> {
        self.frames.last().map(|frame| frame.id)
    }

    pub(super) fn declarations_only(&self) -> bool {
        self.declarations_only
    }

    /// The function about to be entered can be called by the name it is given.
    fn note_scope(&mut self, span: swc_common::Span) {
        if let Some(name) = self.pending_name.clone() {
            let span = self.span(span);
            self.facts
                .scopes
                .push(crate::facts::NamedScope { name, span });
        }
    }

    fn leave_function(&mut self) {
        self.scopes.pop();
        let Some(frame) = self.frames.pop() else {
            return;
        };
        for index in frame.late_handlers {
            if let Some(handler) = self.facts.handlers.get_mut(index) {
                let registered = handler.span.start;
                handler.emitted_after = frame
                    .emitted
                    .iter()
                    .filter(|(start, _)| *start > registered)
                    .map(|(_, event)| event.clone())
                    .collect();
            }
        }
    }

    fn set_returns(&mut self, socket: SocketRef) {
        if let Some(id) = self.frames.last().map(|frame| frame.id)
            && let Some(function) = self.facts.functions.get_mut(id as usize)
        {
            function.returns.get_or_insert(socket);
        }
    }

    // ----- calls --------------------------------------------------------------------

    fn on_call(&mut self, call: &CallExpr) {
        self.nest_call(call);
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let callee = unwrap_expr(callee);
        if is_effect_hook(callee)
            && let Some(effect) = call.args.first()
            && let Some(lo) = function_start(&effect.expr)
        {
            let cleanup =
                effect_cleans_up(&effect.expr) || super::tauri::effect_unlistens(&effect.expr);
            // An effect that sets and checks a flag (`if (onceRef.current) return;
            // onceRef.current = true;`) registers once, however often it runs.
            if !runs_once(&effect.expr) {
                self.contexts.insert(
                    lo,
                    ListenContext::Effect {
                        cleanup,
                        span: self.span(callee.span()),
                    },
                );
            }
        }
        if let Expr::Member(member) = callee
            && let MemberProp::Ident(method) = &member.prop
        {
            self.on_array_call(call, member, &method.sym);
        }
        // `setSocket(io(url))`: the state `socket` holds it from here on.
        if let Expr::Ident(setter) = callee
            && let Some(state) = self.state_setters.get(&*setter.sym)
            && !self.assigned.contains_key(state)
            && let Some(socket) = call.args.first().and_then(|arg| self.socket(&arg.expr))
        {
            self.assigned.insert(state.clone(), socket);
        }
        // Tauri's `invoke`/`listen`/`emit` (see `tauri.rs`).
        if self.on_tauri_call(call, callee) {
            return;
        }
        if let Expr::Member(member) = callee
            && let MemberProp::Ident(method) = &member.prop
        {
            let method = &*method.sym;
            // Most calls are no socket's: the receiver is looked at only for a method
            // a socket has.
            let receiver = match SocketMethod::of(method) {
                // A connection listener may say, by how it is used, that its receiver
                // is a server no import announces (see `hosted.rs`).
                Some(SocketMethod::Listen(_)) => {
                    let known = self.socket(&member.obj);
                    self.hosted_receiver(call, &member.obj, known)
                }
                Some(_) => self.socket(&member.obj),
                None => None,
            };
            if let Some(kind) = SocketMethod::of(method)
                && let Some(receiver) = receiver
            {
                self.on_socket_method(call, receiver, kind, method, member);
                return;
            }
        }
        // A client connection opened here.
        if let Some(socket) = self.creation_of_call(call)
            && matches!(socket.origin, Origin::ClientFactory { .. })
        {
            if !self.declarations_only {
                self.facts.connects.push(Connect {
                    span: self.span(call.span),
                    socket,
                });
            }
            return;
        }
        self.record_store_fields(call);
        self.record_socket_call(call);
        self.record_wrapper_call(call);
    }

    /// Arrays of sockets: `sockets.push(io(url))` makes `sockets` one (when it was an
    /// array of nothing known), and `sockets.forEach((s) => ...)` hands each element to
    /// the callback.
    fn on_array_call(&mut self, call: &CallExpr, member: &MemberExpr, method: &str) {
        match method {
            // `clients.set(id, io(url))` on a `Map`.
            "push" | "unshift" | "set" => {
                let Expr::Ident(array) = unwrap_expr(&member.obj) else {
                    return;
                };
                let values = if method == "set" {
                    call.args.get(1..).unwrap_or_default()
                } else {
                    &call.args[..]
                };
                let Some(element) = values.iter().find_map(|arg| self.socket(&arg.expr)) else {
                    return;
                };
                if let Some(scope) = self
                    .scopes
                    .iter_mut()
                    .rev()
                    .find(|scope| scope.contains_key(&*array.sym))
                    && let Some(
                        binding @ (Binding::Unknown
                        | Binding::Data
                        | Binding::Value(Value::Unknown)),
                    ) = scope.get_mut(&*array.sym)
                {
                    *binding = Binding::Sockets(element);
                }
            }
            "forEach" | "map" | "flatMap" | "filter" | "find" | "findLast" | "some" | "every" => {
                let Some(callback) = call.args.first() else {
                    return;
                };
                let Some(element) = self.socket_array(&member.obj) else {
                    if let Some(lo) = function_start(&callback.expr) {
                        if let Some(walked) = self.walked_entries(&member.obj) {
                            self.entry_hints.insert(lo, walked);
                        } else if super::data::is_string_array(&member.obj) {
                            self.data_hints.insert(lo);
                        }
                    }
                    return;
                };
                if let Some(lo) = function_start(&callback.expr) {
                    self.param_hints.entry(lo).or_default().push((0, element));
                }
            }
            _ => {}
        }
    }

    /// `register(io, socket)`: remember which arguments are sockets, so the callee's
    /// parameters can be filled across functions and files.
    fn record_socket_call(&mut self, call: &CallExpr) {
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let args: Vec<(u32, SocketRef)> = call
            .args
            .iter()
            .enumerate()
            .filter(|(_, arg)| arg.spread.is_none())
            .filter_map(|(i, arg)| self.socket(&arg.expr).map(|s| (i as u32, s)))
            .collect();
        // `register({ io, socket })`: sockets as properties of an object argument.
        let prop_args: Vec<(u32, Vec<(String, SocketRef)>)> = call
            .args
            .iter()
            .enumerate()
            .filter(|(_, arg)| arg.spread.is_none())
            .filter_map(|(i, arg)| match unwrap_expr(&arg.expr) {
                Expr::Object(object) => {
                    let props = self.socket_props(object);
                    (!props.is_empty()).then_some((i as u32, props))
                }
                _ => None,
            })
            .collect();
        if args.is_empty() && prop_args.is_empty() {
            return;
        }
        let Some(callee) = self.callee(callee) else {
            return;
        };
        for (index, props) in prop_args {
            self.facts.prop_calls.push(PropCall {
                callee: callee.clone(),
                index,
                props,
            });
        }
        if !args.is_empty() {
            self.facts.calls.push(SocketCall { callee, args });
        }
    }

    /// The properties of an object literal that hold sockets: `{ io, socket: s }`.
    pub(super) fn socket_props(&self, object: &ObjectLit) -> Vec<(String, SocketRef)> {
        object
            .props
            .iter()
            .filter_map(|prop| match prop {
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::KeyValue(kv) => Some((prop_name(&kv.key)?, self.socket(&kv.value)?)),
                    Prop::Shorthand(ident) => Some((
                        ident.sym.as_str().to_owned(),
                        self.socket(&Expr::Ident(ident.clone()))?,
                    )),
                    _ => None,
                },
                PropOrSpread::Spread(_) => None,
            })
            .collect()
    }

    /// `<Chat socket={socket} />`: a component rendered with sockets among its props,
    /// which React passes as the component's first argument.
    fn on_jsx_element(&mut self, element: &JSXOpeningElement) {
        let component = match &element.name {
            // Lower-case names are DOM elements.
            JSXElementName::Ident(ident)
                if ident.sym.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                Expr::Ident(ident.clone())
            }
            JSXElementName::JSXMemberExpr(member) => {
                let mut object = match &member.obj {
                    JSXObject::Ident(ident) => Expr::Ident(ident.clone()),
                    JSXObject::JSXMemberExpr(_) => return,
                };
                // `<SocketContext.Provider value={socket}>`
                if let JSXObject::Ident(context) = &member.obj
                    && &*member.prop.sym == "Provider"
                    && let Some(socket) = jsx_attr(element, "value").and_then(|v| self.socket(v))
                {
                    self.facts.contexts.push(ContextValue {
                        context: self.context_ref(&context.sym),
                        socket,
                    });
                    return;
                }
                object = Expr::Member(MemberExpr {
                    span: member.span,
                    obj: Box::new(object),
                    prop: MemberProp::Ident(member.prop.clone()),
                });
                object
            }
            _ => return,
        };
        let props: Vec<(String, SocketRef)> = element
            .attrs
            .iter()
            .filter_map(|attr| match attr {
                JSXAttrOrSpread::JSXAttr(JSXAttr {
                    name: JSXAttrName::Ident(name),
                    value:
                        Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
                            expr: JSXExpr::Expr(value),
                            ..
                        })),
                    ..
                }) => Some((name.sym.as_str().to_owned(), self.socket(value)?)),
                _ => None,
            })
            .collect();
        if props.is_empty() {
            return;
        }
        if let Some(callee) = self.callee(&component) {
            self.facts.prop_calls.push(PropCall {
                callee,
                index: 0,
                props,
            });
        }
    }

    /// [`Self::callee`] for a caller that keeps only local functions and imports: the
    /// method of anything but an import (`console.log`, `list.map`, most calls) is not
    /// copied into a `Named` callee only to be dropped.
    pub(super) fn project_callee(&self, callee: &Expr) -> Option<FnCallee> {
        if let Expr::Member(member) = unwrap_expr(callee)
            && !matches!(unwrap_expr(&member.obj), Expr::Ident(obj)
                if matches!(self.lookup(&obj.sym), Some(Binding::Import { .. })))
        {
            return None;
        }
        self.callee(callee)
    }

    pub(super) fn callee(&self, callee: &Expr) -> Option<FnCallee> {
        match unwrap_expr(callee) {
            Expr::Ident(ident) => match self.lookup(&ident.sym)? {
                Binding::Func(id) => Some(FnCallee::Local(*id)),
                Binding::Import { specifier, name } => Some(FnCallee::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path: Vec::new(),
                }),
                _ => None,
            },
            Expr::Member(member) => {
                let MemberProp::Ident(prop) = &member.prop else {
                    return None;
                };
                if let Expr::Ident(obj) = unwrap_expr(&member.obj)
                    && let Some(Binding::Import { specifier, name }) = self.lookup(&obj.sym)
                {
                    return Some(FnCallee::Import {
                        specifier: specifier.clone(),
                        name: name.clone(),
                        path: vec![prop.sym.as_str().to_owned()],
                    });
                }
                Some(FnCallee::Named(prop.sym.as_str().to_owned()))
            }
            _ => None,
        }
    }

    /// A call of `method`, which does `kind`, on a socket.
    fn on_socket_method(
        &mut self,
        call: &CallExpr,
        receiver: SocketRef,
        kind: SocketMethod,
        method: &str,
        member: &MemberExpr,
    ) {
        match kind {
            SocketMethod::Emit => self.on_emit(call, receiver, method, member),
            SocketMethod::Listen(how) => self.on_listen(call, receiver, how),
            SocketMethod::Middleware => self.on_middleware(call, receiver),
            SocketMethod::Removal { all } => self.on_removal(call, receiver, all),
            SocketMethod::Of => {
                // `io.of("/x", socket => ...)` also registers a connection listener.
                let namespace = self.socket_of_call(call);
                if let Some(namespace) = namespace {
                    if !self.declarations_only {
                        self.facts.namespaces.push(NamespaceUse {
                            span: self.span(call.span),
                            namespace: namespace.clone(),
                        });
                    }
                    if let Some(listener) = call.args.get(1) {
                        self.hint_listener(&listener.expr, namespace, 0);
                    }
                }
            }
            SocketMethod::Socket => {
                if let Some(socket) = self.socket_of_call(call)
                    && !self.declarations_only
                {
                    self.facts.connects.push(Connect {
                        span: self.span(call.span),
                        socket,
                    });
                }
            }
        }
    }

    fn on_emit(&mut self, call: &CallExpr, receiver: SocketRef, method: &str, member: &MemberExpr) {
        if self.declarations_only {
            return;
        }
        // `for (const [ev, payload] of Object.entries(announcements)) socket.emit(ev, payload)`
        if !matches!(method, "send" | "write")
            && let Some(first) = call.args.first()
            && let Some(expanded) = self.expand_names(&first.expr, None)
        {
            for site in expanded {
                let name = (site.name, site.name_span, site.name_is_literal);
                self.on_emit_named(call, receiver.clone(), method, member, Some(name));
            }
            return;
        }
        let emits = self.facts.emits.len();
        self.on_emit_named(call, receiver, method, member, None);
        // Over an imported map: linking makes it one emit per entry.
        if self.facts.emits.len() > emits
            && let Some(first) = call.args.first()
            && let Some(map_loop) =
                self.imported_loop(&first.expr, None, facts::WrappedSite::Emit(emits as u32))
        {
            self.facts.map_loops.push(map_loop);
        }
    }

    /// An emit site; `named` overrides the event name of the call (an entry of a map).
    fn on_emit_named(
        &mut self,
        call: &CallExpr,
        receiver: SocketRef,
        method: &str,
        member: &MemberExpr,
        named: Option<(Value, facts::Span, bool)>,
    ) {
        let (method, name, name_span, payload) = match method {
            "send" | "write" => (
                EmitMethod::Send,
                Value::Str("message".to_owned()),
                self.span(member.prop.span()),
                &call.args[..],
            ),
            _ => {
                let Some(first) = call.args.first() else {
                    return;
                };
                let method = if method == "emit" {
                    EmitMethod::Emit
                } else {
                    EmitMethod::EmitWithAck
                };
                let (name, name_span) = match &named {
                    Some((name, span, _)) => (name.clone(), *span),
                    None => (self.value(&first.expr), self.span(first.expr.span())),
                };
                (method, name, name_span, &call.args[1..])
            }
        };
        let trailing = match payload.last() {
            Some(arg) if arg.spread.is_none() && method != EmitMethod::EmitWithAck => {
                self.is_function(&arg.expr)
            }
            // `emit("x", ...args)`: the last spread element may be the caller's ack.
            Some(arg) if arg.spread.is_some() && method != EmitMethod::EmitWithAck => None,
            _ => Some(false),
        };
        let ack_callback = trailing == Some(true);
        let args = if payload.iter().any(|arg| arg.spread.is_some()) || trailing.is_none() {
            None
        } else {
            Some(payload.len() as u32 - u32::from(ack_callback))
        };
        let name_is_literal = method != EmitMethod::Send
            && match &named {
                Some((_, _, literal)) => *literal,
                None => call
                    .args
                    .first()
                    .is_some_and(|arg| matches!(&*arg.expr, Expr::Lit(Lit::Str(_)))),
            };
        let await_span = self.awaited.get(&call.span.lo.0).copied();
        // `emit` and `send` return the socket (or `true` on the server), not a promise:
        // awaiting them waits for nothing, which `emit-awaited` reports.
        let awaited_emit = match await_span {
            Some(span) if method != EmitMethod::EmitWithAck => Some(facts::AwaitedEmit {
                span,
                method: self.span(member.prop.span()),
                call_end: self.span(call.span).end,
                callback: match (method, &call.args[..]) {
                    (EmitMethod::Emit, [.., before, ack]) if ack_callback => {
                        self.movable_callback(before, ack)
                    }
                    _ => None,
                },
            }),
            _ => None,
        };
        let reply_to = self.frames.iter().rev().find_map(|f| f.listens_to.clone());
        if let Some(frame) = self.frames.last_mut()
            && frame.connection_param.is_some()
            && matches!(call_receiver(call), Some(Expr::Ident(r)) if frame.connection_param.as_deref() == Some(&*r.sym))
        {
            frame.emitted.push((call.span.lo.0, name.clone()));
        }
        let awaited = (await_span.is_some() && method == EmitMethod::EmitWithAck)
            || (ack_callback
                && payload
                    .last()
                    .is_some_and(|ack| self.resolves_promise(&ack.expr)));
        if method != EmitMethod::Send {
            self.note_wrapped_emit(call, self.facts.emits.len() as u32);
        }
        self.facts.emits.push(facts::Emit {
            transport: crate::transport::Transport::SocketIo,
            // An entry of a map is a site of its own, at its key.
            span: if named.is_some() {
                name_span
            } else {
                self.span(call.span)
            },
            name_span,
            receiver,
            name,
            name_is_literal,
            ack_known: trailing.is_some(),
            awaited,
            io_in_scope: match self.lookup("io") {
                Some(Binding::Socket(socket)) => Some(socket.clone()),
                _ => None,
            },
            method,
            args,
            ack_callback,
            dropped: false,
            payload_keys: match payload {
                [only] | [only, _] if args == Some(1) => object_keys(&only.expr),
                _ => None,
            },
            awaited_emit,
            reply_to,
        });
    }

    /// The ack callback `ack`, written after the argument `before`, when it can be
    /// moved into `.then(...)` unchanged: an arrow function (its `this` is the
    /// surrounding one wherever it runs) with at most one plain parameter.
    fn movable_callback(
        &self,
        before: &ExprOrSpread,
        ack: &ExprOrSpread,
    ) -> Option<facts::MovableCallback> {
        let Expr::Arrow(arrow) = &*ack.expr else {
            return None;
        };
        if arrow.params.len() > 1 || arrow.params.iter().any(|p| matches!(p, Pat::Rest(_))) {
            return None;
        }
        let span = self.span(arrow.span);
        Some(facts::MovableCallback {
            span,
            cut: facts::Span::new(self.span(before.expr.span()).end, span.end),
        })
    }

    fn on_listen(&mut self, call: &CallExpr, receiver: SocketRef, method: ListenMethod) {
        // `Object.keys(handlers).forEach((ev) => socket.on(ev, handlers[ev]))`: a handler
        // per key, with the map's function for it.
        if method != ListenMethod::Any
            && let Some(first) = call.args.first()
            && let Some(expanded) =
                self.expand_names(&first.expr, call.args.get(1).map(|arg| &*arg.expr))
        {
            for site in expanded {
                let listener = match &site.listener {
                    Some(own) => own.as_ref(),
                    None => call.args.get(1).map(|arg| &*arg.expr),
                };
                let name = (site.name, site.name_span, site.name_is_literal);
                self.on_listen_named(call, receiver.clone(), method, Some(name), listener);
            }
            return;
        }
        let handlers = self.facts.handlers.len();
        self.on_listen_named(
            call,
            receiver,
            method,
            None,
            call.args.get(1).map(|arg| &*arg.expr),
        );
        // Over an imported map: linking makes it one handler per entry.
        if method != ListenMethod::Any
            && self.facts.handlers.len() > handlers
            && let Some(first) = call.args.first()
            && let Some(map_loop) = self.imported_loop(
                &first.expr,
                call.args.get(1).map(|arg| &*arg.expr),
                facts::WrappedSite::Handler(handlers as u32),
            )
        {
            self.facts.map_loops.push(map_loop);
        }
    }

    /// A handler site; `named` overrides the event name of the call (an entry of a
    /// map), and then `listener` is the entry's.
    fn on_listen_named(
        &mut self,
        call: &CallExpr,
        receiver: SocketRef,
        method: ListenMethod,
        named: Option<(Value, facts::Span, bool)>,
        listener: Option<&Expr>,
    ) {
        let (name, name_span, listener) = match method {
            ListenMethod::Any => (
                Value::Unknown,
                self.span(call.span),
                call.args.first().map(|arg| &*arg.expr),
            ),
            _ => {
                let Some(first) = call.args.first() else {
                    return;
                };
                match &named {
                    Some((name, span, _)) => (name.clone(), *span, listener),
                    None => (
                        self.value(&first.expr),
                        self.span(first.expr.span()),
                        listener,
                    ),
                }
            }
        };
        // A connection listener: its parameter is a socket of that namespace.
        let connection = matches!(name.as_str(), Some("connection" | "connect"));
        if let (true, Some(listener)) = (connection, listener) {
            let mut socket = receiver.clone();
            socket.ops.push(Op::Connection);
            self.hint_listener(listener, socket, 0);
        }
        if self.declarations_only {
            return;
        }
        let frame = self.frames.last();
        let after_await = frame.and_then(|frame| {
            let receiver_name = match call_receiver(call) {
                Some(Expr::Ident(ident)) => Some(ident.sym.as_str().to_owned()),
                _ => None,
            };
            frame
                .first_await
                .filter(|_| receiver_name.is_some() && frame.connection_param == receiver_name)
        });
        // A listener that removes itself runs once, like one registered on a socket
        // created in this very function: neither piles up.
        let context = frame.and_then(|frame| frame.context.clone()).filter(|_| {
            !self.on_socket_created_here(call)
                && !listener.is_some_and(|l| removes_own_event(l, &name))
                && !self
                    .once_blocks
                    .iter()
                    .any(|&(lo, hi)| lo <= call.span.lo.0 && call.span.lo.0 < hi)
        });
        // Registrations inside this listener run each time the event arrives; a
        // connection listener runs once per socket, which is what it is for. A `once`
        // listener, one that removes itself or one guarded by a flag runs them once.
        if let Some(listener) = listener
            && method == ListenMethod::On
            && let Some(lo) = function_start(listener)
            && (!connection || name.as_str() == Some("connect"))
            && !removes_own_event(listener, &name)
            && !runs_once(listener)
        {
            self.once_blocks
                .extend(once_blocks(listener, &self.cleared_flags));
            self.contexts.insert(
                lo,
                ListenContext::Listener {
                    event: name.clone(),
                    span: name_span,
                    receiver: receiver.clone(),
                },
            );
        }
        if let Some(lo) = listener.and_then(function_start)
            && method != ListenMethod::Any
        {
            self.listener_events.insert(lo, name.clone());
        }
        if after_await.is_some()
            && let Some(frame) = self.frames.last_mut()
        {
            frame.late_handlers.push(self.facts.handlers.len());
        }
        let ack = listener.and_then(|listener| self.listener_ack(listener));
        let params = listener.and_then(|listener| self.params_of(listener));
        let logging_only = method == ListenMethod::Any && listener.is_some_and(only_logs);
        let name_is_literal = method != ListenMethod::Any
            && match &named {
                Some((_, _, literal)) => *literal,
                None => call
                    .args
                    .first()
                    .is_some_and(|arg| matches!(&*arg.expr, Expr::Lit(Lit::Str(_)))),
            };
        if method != ListenMethod::Any {
            self.note_wrapped_handler(call, self.facts.handlers.len() as u32);
        }
        self.facts.handlers.push(Handler {
            transport: crate::transport::Transport::SocketIo,
            // An entry of a map is a site of its own, at its key.
            span: if named.is_some() {
                name_span
            } else {
                self.span(call.span)
            },
            name_span,
            receiver,
            name,
            name_is_literal,
            method,
            params,
            logging_only,
            ack,
            after_await,
            emitted_after: Vec::new(),
            matches_own_id: listener.is_some_and(matches_own_id),
            context,
            shape: listener.and_then(|listener| self.shape_of(listener)),
            listener_elsewhere: None,
            listener_name: listener.and_then(|listener| match unwrap_expr(listener) {
                Expr::Ident(ident) => Some(ident.sym.as_str().to_owned()),
                _ => None,
            }),
            frame: self.frames.last().map(|frame| frame.id),
            conditional: false,
            data_type: None,
        });
    }

    /// Parameters and body positions of an inline function.
    fn shape_of(&self, function: &Expr) -> Option<FnShape> {
        let (params, lo, body): (Vec<&Pat>, u32, Option<swc_common::Span>) =
            match unwrap_expr(function) {
                Expr::Arrow(arrow) => (
                    arrow.params.iter().collect(),
                    arrow.span.lo.0,
                    match &*arrow.body {
                        ArrowFunctionBody::FunctionBody(block) => Some(block.span),
                        ArrowFunctionBody::Expr(_) => None,
                    },
                ),
                Expr::Fn(function) => (
                    function.function.params.iter().map(|p| &p.pat).collect(),
                    function.function.span.lo.0,
                    function.function.body.as_ref().map(|b| b.span),
                ),
                _ => return None,
            };
        let span = match (params.first(), params.last()) {
            (Some(first), Some(last)) => Some(facts::Span::new(
                self.span(first.span()).start,
                self.span(last.span()).end,
            )),
            _ => None,
        };
        let start = to_span(
            swc_common::Span::new(swc_common::BytePos(lo), swc_common::BytePos(lo)),
            self.len,
        )
        .start;
        let parens = !matches!(unwrap_expr(function), Expr::Arrow(arrow)
            if arrow.params.len() == 1
                && matches!(arrow.params[0], Pat::Ident(_))
                && self.span(arrow.params[0].span()).start == self.span(arrow.span).start
                && !arrow.is_async);
        Some(FnShape {
            start,
            params: span,
            parens,
            body: body.map(|b| self.span(b)),
        })
    }

    pub(super) fn listener_ack(&self, listener: &Expr) -> Option<Ack> {
        let local;
        let function = match unwrap_expr(listener) {
            Expr::Ident(ident) => self.locals.get(&*ident.sym)?,
            expr => {
                local = LocalFn::of_expr(expr, self.len)?;
                &local
            }
        };
        self.ack_of(function)
    }

    /// The ack parameter of a function used as a listener, and how it is called.
    pub(super) fn ack_of(&self, function: &LocalFn) -> Option<Ack> {
        let index = function.params.len().checked_sub(1)?;
        // `(msg, ack = () => {})`: without an ack from the emitter, the default is called.
        let mut defaulted = false;
        let (name, span, rest) = match function.params[index] {
            Pat::Ident(ident) => (ident.id.sym.as_str().to_owned(), ident.id.span, false),
            Pat::Assign(assign) => match &*assign.left {
                Pat::Ident(ident) => {
                    defaulted = default_is_callable(&assign.right);
                    (ident.id.sym.as_str().to_owned(), ident.id.span, false)
                }
                _ => return None,
            },
            Pat::Rest(rest) => match &*rest.arg {
                Pat::Ident(ident) => (ident.id.sym.as_str().to_owned(), ident.id.span, true),
                _ => return None,
            },
            _ => return None,
        };
        let mut summary = self.summarize_param(function, index)?;
        summary.guarded |= defaulted;
        // A payload handed on (`io.emit("x", data)`) is not an ack: the parameter must be
        // called, or at least be named like one.
        let named = !rest && is_ack_name(&name);
        if !(summary.direct || summary.guarded || named) {
            return None;
        }
        Some(Ack {
            index: index as u32,
            param_span: self.span(span),
            name,
            summary,
            nest: None,
        })
    }

    fn on_middleware(&mut self, call: &CallExpr, receiver: SocketRef) {
        if self.declarations_only {
            return;
        }
        let Some(listener) = call.args.first() else {
            return;
        };
        let local;
        let function = match unwrap_expr(&listener.expr) {
            Expr::Ident(ident) => self.locals.get(&*ident.sym),
            expr => {
                local = LocalFn::of_expr(expr, self.len);
                local.as_ref()
            }
        };
        let next_name = function
            .and_then(|f| match f.params.get(1) {
                Some(Pat::Ident(ident)) => Some(ident.id.sym.as_str().to_owned()),
                _ => None,
            })
            .unwrap_or_else(|| "next".to_owned());
        let next = function.and_then(|f| self.summarize_param(f, 1));
        let shape = self.shape_of(&listener.expr);
        self.facts.middlewares.push(Middleware {
            span: self.span(call.span),
            receiver,
            next,
            next_name,
            shape,
        });
    }

    fn on_removal(&mut self, call: &CallExpr, receiver: SocketRef, remove_all: bool) {
        if self.declarations_only {
            return;
        }
        let (name, all_events) = match call.args.first() {
            Some(first) => (self.value(&first.expr), false),
            None => (Value::Unknown, true),
        };
        self.facts.removals.push(Removal {
            transport: crate::transport::Transport::SocketIo,
            span: self.span(call.span),
            receiver,
            name,
            all_events,
            has_listener: call.args.len() >= 2,
            remove_all,
            frames: self.frames.iter().map(|frame| frame.id).collect(),
        });
    }

    /// Whether an ack callback settles the promise whose executor is being walked.
    fn resolves_promise(&self, ack: &Expr) -> bool {
        let Some(names) = self.resolvers.last() else {
            return false;
        };
        match unwrap_expr(ack) {
            Expr::Ident(ident) => names.iter().any(|n| n == &*ident.sym),
            ack @ (Expr::Arrow(_) | Expr::Fn(_)) => mentions_any(ack, names),
            _ => false,
        }
    }

    /// Gives the parameter `index` of a listener the socket `socket`: directly for an
    /// inline function, as a call for a named one.
    fn hint_listener(&mut self, listener: &Expr, socket: SocketRef, index: u32) {
        match unwrap_expr(listener) {
            Expr::Arrow(arrow) => {
                self.param_hints
                    .entry(arrow.span.lo.0)
                    .or_default()
                    .push((index, socket));
            }
            Expr::Fn(function) => {
                self.param_hints
                    .entry(function.function.span.lo.0)
                    .or_default()
                    .push((index, socket));
            }
            other => {
                if let Some(callee) = self.callee(other) {
                    self.facts.calls.push(SocketCall {
                        callee,
                        args: vec![(index, socket)],
                    });
                }
            }
        }
    }

    pub(super) fn params_of(&self, listener: &Expr) -> Option<Params> {
        let pats: Vec<&Pat> = match unwrap_expr(listener) {
            Expr::Arrow(arrow) => arrow.params.iter().collect(),
            Expr::Fn(function) => function.function.params.iter().map(|p| &p.pat).collect(),
            Expr::Ident(ident) => self.locals.get(&*ident.sym)?.params.clone(),
            _ => return None,
        };
        let rest = pats.last().is_some_and(|pat| matches!(pat, Pat::Rest(_)));
        Some(Params {
            count: pats.len() as u32 - u32::from(rest),
            rest,
        })
    }

    // ----- exports ------------------------------------------------------------------

    fn export(&mut self, name: String, value: ExportValue) {
        self.facts.exports.push((name, value));
    }

    /// What an exported local name stands for.
    fn export_binding(&self, local: &str) -> Option<ExportValue> {
        Some(match self.lookup(local)? {
            Binding::Value(value) => ExportValue::Value(value.clone()),
            Binding::Socket(socket) => ExportValue::Socket(socket.clone()),
            Binding::Func(id) => ExportValue::Function(*id),
            Binding::Import { specifier, name } => ExportValue::Reexport {
                specifier: specifier.clone(),
                name: name.clone(),
            },
            Binding::Unknown | Binding::Data => {
                ExportValue::Socket(self.assigned.get(local)?.clone())
            }
            // An exported array of sockets is not followed into other files.
            Binding::Foreign | Binding::Sockets(_) | Binding::Entries(_) => return None,
        })
    }

    fn export_expr(&mut self, name: String, expr: &Expr) {
        self.note_exported_map(&name, expr);
        let expr = unwrap_expr(component_of(expr));
        let value = match expr {
            Expr::Arrow(arrow) => Some(ExportValue::Function(self.func_id(arrow.span.lo.0, None))),
            Expr::Fn(function) => Some(ExportValue::Function(
                self.func_id(function.function.span.lo.0, None),
            )),
            Expr::Ident(ident) => {
                self.export_held_sockets(&name, &ident.sym);
                self.export_binding(&ident.sym)
            }
            Expr::Object(object) => {
                self.export_object_sockets(&name, object);
                let value = self.value(expr);
                value.is_known().then_some(ExportValue::Value(value))
            }
            _ => match self.socket(expr) {
                Some(socket) => Some(ExportValue::Socket(socket)),
                None => {
                    let value = self.value(expr);
                    value.is_known().then_some(ExportValue::Value(value))
                }
            },
        };
        if let Some(value) = value {
            self.export(name, value);
        }
    }

    /// `module.exports = { a, b: c }` exports each property by name.
    fn export_object(&mut self, object: &ObjectLit) {
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            match &**prop {
                Prop::Shorthand(ident) => {
                    if let Some(value) = self.export_binding(&ident.sym) {
                        self.export(ident.sym.as_str().to_owned(), value);
                    }
                }
                Prop::KeyValue(kv) => {
                    if let Some(key) = prop_name(&kv.key) {
                        self.export_expr(key, &kv.value);
                    }
                }
                Prop::Method(method) => {
                    if let Some(key) = prop_name(&method.key) {
                        let id = self.func_id(method.function.span.lo.0, Some(key.clone()));
                        self.export(key, ExportValue::Function(id));
                    }
                }
                // `module.exports = { get socket() { return io(url); } }`
                Prop::Getter(_) => {
                    let getter = ObjectLit {
                        span: object.span,
                        props: vec![PropOrSpread::Prop(prop.clone())],
                    };
                    for (key, socket) in self.object_sockets(&getter) {
                        self.export(key, ExportValue::Socket(socket));
                    }
                }
                _ => {}
            }
        }
    }

    fn on_assign(&mut self, assign: &AssignExpr) {
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

    /// The class's fields holding sockets, and those holding values of a known other
    /// origin (`this.socket = new WebSocket(url)`).
    fn prescan_class(&mut self, class: &Class) -> ClassFields {
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
                self.scopes.push(scope);
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

impl Visit for Extractor<'_> {
    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        match decl {
            ModuleDecl::Import(_) => return,
            ModuleDecl::ExportNamed(named) => {
                let from = named
                    .src
                    .as_ref()
                    .map(|src| src.value.to_string_lossy().into_owned());
                if let Some(from) = &from {
                    self.facts.imports.push(from.clone());
                }
                for spec in &named.specifiers {
                    match spec {
                        ExportSpecifier::Named(named_spec) => {
                            let orig = export_name(&named_spec.orig);
                            let exported = named_spec
                                .exported
                                .as_ref()
                                .map_or_else(|| orig.clone(), export_name);
                            let value = match &from {
                                Some(specifier) => Some(ExportValue::Reexport {
                                    specifier: specifier.clone(),
                                    name: orig,
                                }),
                                None => {
                                    self.export_held_sockets(&exported, &orig);
                                    let local = Expr::Ident(Ident::new_no_ctxt(
                                        orig.as_str().into(),
                                        swc_common::DUMMY_SP,
                                    ));
                                    self.note_exported_map(&exported, &local);
                                    self.export_binding(&orig)
                                }
                            };
                            if let Some(value) = value {
                                self.export(exported, value);
                            }
                        }
                        ExportSpecifier::Namespace(ns) => {
                            if let Some(specifier) = &from {
                                self.export(
                                    export_name(&ns.name),
                                    ExportValue::Reexport {
                                        specifier: specifier.clone(),
                                        name: "*".to_owned(),
                                    },
                                );
                            }
                        }
                        ExportSpecifier::Default(default) => {
                            if let Some(specifier) = &from {
                                self.export(
                                    default.exported.sym.as_str().to_owned(),
                                    ExportValue::Reexport {
                                        specifier: specifier.clone(),
                                        name: "default".to_owned(),
                                    },
                                );
                            }
                        }
                    }
                }
            }
            ModuleDecl::ExportAll(all) => {
                let specifier = all.src.value.to_string_lossy().into_owned();
                self.facts.imports.push(specifier.clone());
                self.facts.star_exports.push(specifier);
            }
            ModuleDecl::ExportDefaultExpr(export) => {
                self.export_expr("default".to_owned(), &export.expr);
            }
            ModuleDecl::ExportDefaultDecl(export) => match &export.decl {
                DefaultDecl::Fn(function) => {
                    let id = self.func_id(function.function.span.lo.0, None);
                    self.export("default".to_owned(), ExportValue::Function(id));
                }
                DefaultDecl::Class(class) => self.export_default_class(class),
                _ => {}
            },
            ModuleDecl::TsExportAssignment(export) => {
                self.export_expr("default".to_owned(), &export.expr);
            }
            _ => {}
        }
        decl.visit_children_with(self);
        // Exported declarations are bound by now.
        if let ModuleDecl::ExportDecl(export) = decl {
            let mut names = Vec::new();
            match &export.decl {
                Decl::Fn(function) => names.push(function.ident.sym.as_str().to_owned()),
                Decl::Var(var) => {
                    for declarator in &var.decls {
                        pat_names(&declarator.name, &mut names);
                    }
                }
                Decl::TsEnum(decl) => names.push(decl.id.sym.as_str().to_owned()),
                Decl::Class(class) => names.push(class.ident.sym.as_str().to_owned()),
                _ => {}
            }
            // `export const handlers = { ... }`: the object as written, inline
            // functions included.
            if let Decl::Var(var) = &export.decl {
                for declarator in &var.decls {
                    if let (Pat::Ident(ident), Some(init)) = (&declarator.name, &declarator.init) {
                        self.note_exported_map(&ident.id.sym, init);
                    }
                }
            }
            for name in names {
                self.export_held_sockets(&name, &name);
                if let Some(value) = self.export_binding(&name) {
                    self.export(name, value);
                }
            }
        }
    }

    fn visit_block_stmt(&mut self, block: &BlockStmt) {
        self.scopes.push(HashMap::default());
        self.hoist_stmts(&block.stmts);
        block.visit_children_with(self);
        self.scopes.pop();
    }

    /// `for (const socket of sockets)` over an array of sockets: the loop variable is
    /// its element.
    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        stmt.right.visit_with(self);
        self.scopes.push(HashMap::default());
        let element = self.socket_array(&stmt.right);
        match (&stmt.left, element) {
            (ForHead::VarDecl(decl), Some(element)) if decl.decls.len() == 1 => {
                if let Pat::Ident(ident) = &decl.decls[0].name {
                    self.bind(&ident.id.sym, Binding::Socket(element));
                } else {
                    self.bind_unknown(&decl.decls[0].name);
                }
            }
            (ForHead::VarDecl(decl), None) if decl.decls.len() == 1 => {
                decl.visit_with(self);
                if let Some(walked) = self.walked_entries(&stmt.right) {
                    self.bind_entries(&decl.decls[0].name, walked);
                } else if let Pat::Ident(element) = &decl.decls[0].name
                    && super::data::is_string_array(&stmt.right)
                {
                    self.bind(&element.id.sym, Binding::Data);
                }
            }
            (left, _) => left.visit_with(self),
        }
        stmt.body.visit_with(self);
        self.scopes.pop();
    }

    /// `for (const ev in handlers)`: the keys of a map.
    fn visit_for_in_stmt(&mut self, stmt: &ForInStmt) {
        stmt.right.visit_with(self);
        self.scopes.push(HashMap::default());
        stmt.left.visit_with(self);
        if let ForHead::VarDecl(decl) = &stmt.left
            && let [declarator] = decl.decls.as_slice()
            && let Some((entries, imported)) = self.map_source(&stmt.right)
        {
            let walked = (entries, super::maps::Walk::Keys, imported);
            self.bind_entries(&declarator.name, walked);
        }
        stmt.body.visit_with(self);
        self.scopes.pop();
    }

    fn visit_function_body(&mut self, body: &FunctionBody) {
        self.hoist_stmts(&body.stmts);
        body.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Ident(ident), Some(init)) = (&declarator.name, &declarator.init)
            && matches!(unwrap_expr(init), Expr::Arrow(_) | Expr::Fn(_))
        {
            self.pending_name = Some(ident.id.sym.as_str().to_owned());
        }
        declarator.init.visit_with(self);
        self.pending_name = None;
        self.bind_declarator(declarator);
    }

    fn visit_ts_enum_decl(&mut self, decl: &TsEnumDecl) {
        let value = self.enum_value(decl);
        self.bind(&decl.id.sym, Binding::Value(value));
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        self.pending_name = Some(decl.ident.sym.as_str().to_owned());
        decl.function.visit_with(self);
    }

    fn visit_function(&mut self, function: &swc_ecma_ast::Function) {
        let params: Vec<&Pat> = function.params.iter().map(|p| &p.pat).collect();
        let named = self.pending_name.is_some();
        self.note_scope(function.span);
        let id = self.enter_function(function.span.lo.0, &params);
        if named && let Some(local) = LocalFn::of_function(function, self.len) {
            self.record_param_calls(id, &local);
        }
        function.body.visit_with(self);
        self.leave_function();
    }

    fn visit_constructor(&mut self, constructor: &Constructor) {
        let scope = self.constructor_scope(constructor);
        self.scopes.push(scope);
        constructor.body.visit_with(self);
        self.scopes.pop();
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let params: Vec<&Pat> = arrow.params.iter().collect();
        let named = self.pending_name.is_some();
        self.note_scope(arrow.span);
        let id = self.enter_function(arrow.span.lo.0, &params);
        if named {
            let local = LocalFn {
                is_async: arrow.is_async,
                params: params.clone(),
                body: match &*arrow.body {
                    ArrowFunctionBody::FunctionBody(block) => {
                        flow::Body::Block(&block.stmts, self.span(block.span).end)
                    }
                    ArrowFunctionBody::Expr(expr) => flow::Body::Expr(expr),
                },
            };
            self.record_param_calls(id, &local);
        }
        match &*arrow.body {
            ArrowFunctionBody::FunctionBody(body) => body.visit_with(self),
            ArrowFunctionBody::Expr(expr) => {
                if let Some(socket) = self.socket(expr) {
                    self.set_returns(socket);
                }
                expr.visit_with(self);
            }
        }
        self.leave_function();
    }

    fn visit_method_prop(&mut self, method: &MethodProp) {
        self.pending_name = prop_name(&method.key);
        method.function.visit_with(self);
    }

    fn visit_class_method(&mut self, method: &ClassMethod) {
        self.pending_name = prop_name_key(&method.key);
        method.function.visit_with(self);
        // A decorated method (`@SubscribeMessage(...)`) is called by its framework.
        if !method.function.decorators.is_empty() {
            let span = self.span(method.function.span);
            self.facts.scopes.retain(|scope| scope.span != span);
        }
    }

    fn visit_key_value_prop(&mut self, kv: &KeyValueProp) {
        if matches!(unwrap_expr(&kv.value), Expr::Arrow(_) | Expr::Fn(_)) {
            self.pending_name = prop_name(&kv.key);
        }
        kv.value.visit_with(self);
        self.pending_name = None;
    }

    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        let methods = self.methods_of(&decl.class);
        self.local_classes
            .insert(decl.ident.sym.as_str().to_owned(), methods);
        self.constructor_names
            .push(Some(decl.ident.sym.as_str().to_owned()));
        decl.class.visit_with(self);
        self.constructor_names.pop();
    }

    fn visit_class_expr(&mut self, expr: &ClassExpr) {
        self.constructor_names.push(
            expr.ident
                .as_ref()
                .map(|ident| ident.sym.as_str().to_owned()),
        );
        expr.class.visit_with(self);
        self.constructor_names.pop();
    }

    fn visit_class(&mut self, class: &Class) {
        let ClassFields {
            sockets: fields,
            foreign,
            arrays,
            data,
        } = self.prescan_class(class);
        let mut fields = fields;
        let gateway = self.nest_gateway(class);
        if let Some(gateway) = &gateway {
            self.nest_prepare(class, gateway, &mut fields);
        }
        self.classes.push(fields);
        let methods = self.methods_of(class);
        self.class_methods.push(methods);
        let field_instances = self.typed_instance_fields(class);
        self.field_instances.push(field_instances);
        self.foreign_fields.push(foreign);
        self.class_arrays.push(arrays);
        self.data_fields.push(data);
        class.visit_children_with(self);
        if let Some(gateway) = &gateway {
            let name = self.constructor_names.last().cloned().flatten();
            self.nest_handlers(class, gateway, name);
        }
        self.class_methods.pop();
        self.field_instances.pop();
        self.foreign_fields.pop();
        self.data_fields.pop();
        self.class_arrays.pop();
        // A decorated class (`@Component`, `@WebSocketGateway`) is driven by its
        // framework, from templates and metadata this file does not show.
        if !class.decorators.is_empty() {
            let span = self.span(class.span);
            self.facts
                .scopes
                .retain(|scope| !(span.start <= scope.span.start && scope.span.end <= span.end));
        }
        if let Some(fields) = self.classes.pop() {
            let mut fields: Vec<_> = fields.into_iter().collect();
            fields.sort_by(|a, b| a.0.cmp(&b.0));
            self.facts.socket_fields.extend(fields);
        }
    }

    fn visit_return_stmt(&mut self, ret: &ReturnStmt) {
        if let Some(arg) = &ret.arg
            && let Some(socket) = self.socket(arg)
        {
            self.set_returns(socket);
        }
        ret.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        self.on_assign(assign);
        // `exports.checkLogin = (socket) => { ... }`: a named function, as its
        // declaration would be, so that callers in other files can be judged by it.
        // `Editor.prototype.addClient = function (socket) { ... }` is a method, named
        // like a class's, so that `editor.addClient(socket)` reaches it.
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
            && matches!(unwrap_expr(&assign.right), Expr::Arrow(_) | Expr::Fn(_))
            && let obj = unwrap_expr(&member.obj)
            && (is_module_exports(obj)
                || matches!(obj, Expr::Ident(id) if &*id.sym == "exports")
                || super::prototypes::is_prototype_of_named(obj))
        {
            assign.left.visit_with(self);
            self.pending_name = member_prop_name(&member.prop).map(|name| name.into_owned());
            assign.right.visit_with(self);
            self.pending_name = None;
            return;
        }
        assign.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        self.on_call(call);
        call.visit_children_with(self);
    }

    fn visit_await_expr(&mut self, await_expr: &AwaitExpr) {
        let span = self.span(await_expr.span);
        if let Expr::Call(call) = unwrap_expr(&await_expr.arg) {
            self.awaited.insert(call.span.lo.0, span);
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.first_await.get_or_insert(span);
        }
        await_expr.visit_children_with(self);
    }

    fn visit_new_expr(&mut self, new: &NewExpr) {
        let executor = match (&*new.callee, new.args.as_deref()) {
            (Expr::Ident(ident), Some([executor, ..])) if &*ident.sym == "Promise" => {
                LocalFn::of_expr(&executor.expr, self.len)
            }
            _ => None,
        };
        let Some(executor) = executor else {
            self.record_new_call(new);
            new.visit_children_with(self);
            return;
        };
        let indexes: Vec<usize> = (0..executor.params.len().min(2)).collect();
        if !self.declarations_only
            && !indexes.is_empty()
            && let Some(mut summary) = flow::summarize_any(
                &executor.params,
                &indexes,
                executor.body,
                &self.locals,
                &|callee| self.callee(callee),
                self.len,
            )
        {
            // A throw in an executor rejects the promise, and a rejection inside it is
            // usually answered by an error listener: only paths that return or end
            // without settling leave it pending for sure.
            summary.missing.retain(|m| {
                matches!(
                    m.kind,
                    MissingKind::Return | MissingKind::End | MissingKind::Delegated
                )
            });
            // Likewise a helper that throws in the executor itself rejects it; one that
            // throws in a callback (an ack) before it settles leaves it pending.
            summary.throw_calls.retain(|call| call.in_callback);
            if summary.calls == Calls::Never
                || (summary.calls == Calls::Some && !summary.missing.is_empty())
                || (summary.calls == Calls::All && !summary.throw_calls.is_empty())
            {
                self.facts.promises.push(PendingPromise {
                    span: self.span(new.span),
                    summary,
                    reject_name: match executor.params.get(1) {
                        Some(Pat::Ident(ident)) => Some(ident.id.sym.as_str().to_owned()),
                        _ => None,
                    },
                });
            }
        }
        let names = executor
            .params
            .iter()
            .filter_map(|p| match p {
                Pat::Ident(ident) => Some(ident.id.sym.as_str().to_owned()),
                _ => None,
            })
            .collect();
        self.resolvers.push(names);
        new.visit_children_with(self);
        self.resolvers.pop();
    }

    fn visit_jsx_opening_element(&mut self, element: &JSXOpeningElement) {
        self.on_jsx_element(element);
        element.visit_children_with(self);
    }

    /// `socket?.emit(...)` is an optional call, not a `CallExpr`.
    fn visit_opt_chain_expr(&mut self, chain: &OptChainExpr) {
        if let OptChainBase::Call(opt) = &*chain.base
            && matches!(
                unwrap_expr(&opt.callee),
                Expr::Member(_) | Expr::OptChain(_)
            )
        {
            let call = CallExpr {
                span: opt.span,
                ctxt: opt.ctxt,
                callee: Callee::Expr(Box::new(member_of(&opt.callee))),
                args: opt.args.clone(),
                type_args: None,
            };
            self.on_call(&call);
        }
        chain.visit_children_with(self);
    }

    // Types hold no runtime wiring.
    fn visit_ts_type(&mut self, _: &TsType) {}
}

// ----- small syntax helpers ---------------------------------------------------------

use swc_common::Spanned;

/// Whether a listener looks up the sender's own optimistic message: it mentions a
/// temporary/client id or a pending set.
fn matches_own_id(listener: &Expr) -> bool {
    if !matches!(unwrap_expr(listener), Expr::Arrow(_) | Expr::Fn(_)) {
        return false;
    }
    struct Finder(bool);
    impl Finder {
        fn check(&mut self, name: &str) {
            const MARKERS: [&[u8]; 6] = [
                b"clientid",
                b"tempid",
                b"localid",
                b"optimistic",
                b"pending",
                b"nonce",
            ];
            // The shortest marker has 5 letters: `e`, `id`, `data` cannot hold one.
            if self.0 || name.len() < 5 {
                return;
            }
            // Every identifier of the listener comes through here: fold case and drop
            // underscores without allocating.
            let folded = name
                .bytes()
                .filter(|&b| b != b'_')
                .map(|b| b.to_ascii_lowercase());
            let mut window = [0u8; 16];
            let mut seen = 0;
            for byte in folded {
                window.copy_within(1.., 0);
                window[15] = byte;
                seen += 1;
                let tail_len = seen.min(16);
                let tail = &window[16 - tail_len..];
                // A marker can only end at its own last letter.
                if matches!(byte, b'd' | b'c' | b'g' | b'e')
                    && MARKERS.iter().any(|marker| tail.ends_with(marker))
                {
                    self.0 = true;
                    return;
                }
            }
        }
    }
    impl Visit for Finder {
        fn visit_ident(&mut self, ident: &Ident) {
            self.check(&ident.sym);
        }
        fn visit_ident_name(&mut self, ident: &IdentName) {
            self.check(&ident.sym);
        }
    }
    let mut finder = Finder(false);
    listener.visit_with(&mut finder);
    finder.0
}

/// The object a method is called on: `socket` in `socket.on(...)`.
/// The keys of an object literal written with plain keys only (`{ text, room: "a" }`);
/// `None` when a spread or a computed key hides some.
fn object_keys(expr: &Expr) -> Option<Vec<String>> {
    let Expr::Object(object) = unwrap_expr(expr) else {
        return None;
    };
    object
        .props
        .iter()
        .map(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Shorthand(ident) => Some(ident.sym.as_str().to_owned()),
                Prop::KeyValue(kv) => prop_name(&kv.key),
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
        .collect()
}

fn call_receiver(call: &CallExpr) -> Option<&Expr> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    match unwrap_expr(callee) {
        Expr::Member(member) => Some(unwrap_expr(&member.obj)),
        _ => None,
    }
}

/// The start offset of an inline function, the key its walk looks contexts up by.
fn function_start(expr: &Expr) -> Option<u32> {
    match unwrap_expr(expr) {
        Expr::Arrow(arrow) => Some(arrow.span.lo.0),
        Expr::Fn(function) => Some(function.function.span.lo.0),
        _ => None,
    }
}

/// Names that say a last parameter is an ack even when the body never calls it.
pub(super) fn is_ack_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.contains("callback")
        || lower.contains("ack")
        || matches!(
            lower.as_str(),
            "cb" | "done" | "fn" | "respond" | "reply" | "resolve"
        )
}

/// `useState` or `React.useState`.
fn is_state_hook(callee: &Expr) -> bool {
    match unwrap_expr(callee) {
        Expr::Ident(ident) => &*ident.sym == "useState",
        Expr::Member(member) => member.prop.is_ident_with("useState"),
        _ => false,
    }
}

fn is_effect_hook(callee: &Expr) -> bool {
    let name = match callee {
        Expr::Ident(ident) => std::borrow::Cow::Borrowed(&*ident.sym),
        Expr::Member(member) => member_prop_name(&member.prop).unwrap_or_default(),
        _ => return false,
    };
    matches!(&*name, "useEffect" | "useLayoutEffect")
}

/// An effect that returns a cleanup which removes listeners (or closes the socket).
fn effect_cleans_up(effect: &Expr) -> bool {
    let stmts = match unwrap_expr(effect) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => &block.stmts,
            ArrowFunctionBody::Expr(_) => return false,
        },
        Expr::Fn(function) => match &function.function.body {
            Some(block) => &block.stmts,
            None => return false,
        },
        _ => return false,
    };
    // Any `return` of the effect's own body counts, also one inside an `if` (an effect
    // that subscribes only once its data is loaded cleans up in that branch); the returns
    // of nested functions are theirs.
    struct Returns(bool);
    impl Visit for Returns {
        fn visit_return_stmt(&mut self, ret: &ReturnStmt) {
            self.0 |= match ret.arg.as_deref().map(unwrap_expr) {
                // A named cleanup function: trust it.
                Some(Expr::Ident(_)) => true,
                Some(cleanup @ (Expr::Arrow(_) | Expr::Fn(_))) => removes_listeners(cleanup),
                _ => false,
            };
        }
        fn visit_function(&mut self, _: &swc_ecma_ast::Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
        fn visit_class(&mut self, _: &Class) {}
    }
    let mut returns = Returns(false);
    stmts.visit_with(&mut returns);
    returns.0
}

/// The statements of an inline function's block body.
fn body_stmts(function: &Expr) -> Option<&[Stmt]> {
    match unwrap_expr(function) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => Some(&block.stmts),
            ArrowFunctionBody::Expr(_) => None,
        },
        Expr::Fn(function) => function.function.body.as_ref().map(|b| &b.stmts[..]),
        _ => None,
    }
}

/// The blocks of a listener that run at most once: an `if` (or `else if`) branch whose
/// test requires a flag to be unset (`!received && msg.type === "VARS"`) and which sets
/// it (`received = true`), a flag nothing in the file clears, as pad clients do on their
/// first state message.
fn once_blocks(function: &Expr, cleared: &rustc_hash::FxHashSet<String>) -> Vec<(u32, u32)> {
    fn unset_flags(test: &Expr, out: &mut Vec<String>) {
        match unwrap_expr(test) {
            Expr::Bin(bin) if bin.op == BinaryOp::LogicalAnd => {
                unset_flags(&bin.left, out);
                unset_flags(&bin.right, out);
            }
            Expr::Unary(unary) if unary.op == UnaryOp::Bang => out.extend(flag_key(&unary.arg)),
            _ => {}
        }
    }
    fn visit(stmt: &Stmt, cleared: &rustc_hash::FxHashSet<String>, out: &mut Vec<(u32, u32)>) {
        let Stmt::If(if_stmt) = stmt else {
            return;
        };
        let mut flags = Vec::new();
        unset_flags(&if_stmt.test, &mut flags);
        let guarded: &[Stmt] = match &*if_stmt.cons {
            Stmt::Block(block) => &block.stmts,
            other => std::slice::from_ref(other),
        };
        let assigned: Vec<(String, bool)> = guarded.iter().filter_map(assigned_bool).collect();
        let sets_once = flags
            .iter()
            .any(|flag| assigned.contains(&(flag.clone(), true)) && !cleared.contains(flag));
        if sets_once {
            let span = if_stmt.cons.span();
            out.push((span.lo.0, span.hi.0));
        }
        if let Some(alt) = &if_stmt.alt {
            visit(alt, cleared, out);
        }
    }
    let mut out = Vec::new();
    for stmt in body_stmts(function).unwrap_or_default() {
        visit(stmt, cleared, &mut out);
    }
    out
}

/// A function guarded to do its work once: it tests a flag (`if (onceRef.current)
/// return;`, `if (!bound) { ... }`) that it also sets to `true` (`onceRef.current =
/// true`, `bound = true`), at its top level or in the guarded block, and never resets
/// to `false` there (a busy flag, `loading = false` at the end, guards nothing).
fn runs_once(function: &Expr) -> bool {
    let Some(stmts) = body_stmts(function) else {
        return false;
    };
    let mut tested = Vec::new();
    let mut set = Vec::new();
    let mut reset = Vec::new();
    let mut note = |stmt: &Stmt| match assigned_bool(stmt) {
        Some((flag, true)) => set.push(flag),
        Some((flag, false)) => reset.push(flag),
        None => {}
    };
    for stmt in stmts {
        match stmt {
            Stmt::If(if_stmt) => {
                let mut test = unwrap_expr(&if_stmt.test);
                while let Expr::Unary(unary) = test
                    && unary.op == UnaryOp::Bang
                {
                    test = unwrap_expr(&unary.arg);
                }
                // `if (socket.hasListeners("x")) return;`: the socket is the flag.
                if is_has_listeners(test) {
                    return true;
                }
                tested.extend(flag_key(test));
                let guarded: &[Stmt] = match &*if_stmt.cons {
                    Stmt::Block(block) => &block.stmts,
                    other => std::slice::from_ref(other),
                };
                guarded.iter().for_each(&mut note);
            }
            other => note(other),
        }
    }
    tested
        .iter()
        .any(|flag| set.contains(flag) && !reset.contains(flag))
}

/// `socket.hasListeners(...)`.
fn is_has_listeners(test: &Expr) -> bool {
    matches!(test, Expr::Call(call)
        if matches!(&call.callee, Callee::Expr(callee)
            if matches!(unwrap_expr(callee), Expr::Member(m)
                if member_prop_name(&m.prop).as_deref() == Some("hasListeners"))))
}

/// `flag = true;`, `socketRef.current = io(url);` / `flag = false;`: the flag's key and
/// whether the value it gets is truthy (anything but `false`, `null`, `undefined`, `0`
/// or `""`).
fn assigned_bool(stmt: &Stmt) -> Option<(String, bool)> {
    let Stmt::Expr(expr) = stmt else {
        return None;
    };
    let Expr::Assign(assign) = unwrap_expr(&expr.expr) else {
        return None;
    };
    if assign.op != AssignOp::Assign {
        return None;
    }
    let truthy = match unwrap_expr(&assign.right) {
        Expr::Lit(Lit::Bool(value)) => value.value,
        Expr::Lit(Lit::Null(_)) => false,
        Expr::Lit(Lit::Num(n)) => n.value != 0.0,
        Expr::Lit(Lit::Str(s)) => !s.value.is_empty(),
        Expr::Ident(ident) => &*ident.sym != "undefined",
        _ => true,
    };
    let flag = match &assign.left {
        AssignTarget::Simple(SimpleAssignTarget::Ident(ident)) => ident.id.sym.as_str().to_owned(),
        AssignTarget::Simple(SimpleAssignTarget::Member(member)) => {
            flag_key(&Expr::Member(member.clone()))?
        }
        _ => return None,
    };
    Some((flag, truthy))
}

/// `bound`, `onceRef.current`, `this.listening`: a flag named the same way wherever
/// it is written.
fn flag_key(expr: &Expr) -> Option<String> {
    match unwrap_expr(expr) {
        Expr::Ident(ident) => Some(ident.sym.as_str().to_owned()),
        Expr::This(_) => Some("this".to_owned()),
        Expr::Member(member) => {
            let prop = match &member.prop {
                MemberProp::Ident(ident) => ident.sym.as_str().to_owned(),
                _ => return None,
            };
            Some(format!("{}.{prop}", flag_key(&member.obj)?))
        }
        _ => None,
    }
}

/// A listener of `event` that removes listeners of `event` itself (`socket.off(event,
/// init)` inside `function init() {...}`): it runs once.
fn removes_own_event(listener: &Expr, event: &Value) -> bool {
    let Some(event) = event.as_str() else {
        return false;
    };
    if !matches!(unwrap_expr(listener), Expr::Arrow(_) | Expr::Fn(_)) {
        return false;
    }
    struct Finder<'e> {
        event: &'e str,
        found: bool,
    }
    impl Visit for Finder<'_> {
        fn visit_call_expr(&mut self, call: &CallExpr) {
            if let Callee::Expr(callee) = &call.callee
                && let Expr::Member(member) = unwrap_expr(callee)
                && matches!(
                    member_prop_name(&member.prop).as_deref(),
                    Some("off" | "removeListener" | "removeAllListeners" | "removeEventListener")
                )
                && let Some(first) = call.args.first()
                && let Expr::Lit(Lit::Str(name)) = unwrap_expr(&first.expr)
                && name.value.to_string_lossy() == self.event
            {
                self.found = true;
            }
            call.visit_children_with(self);
        }
    }
    let mut finder = Finder {
        event,
        found: false,
    };
    listener.visit_with(&mut finder);
    finder.found
}

fn removes_listeners(cleanup: &Expr) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_member_prop(&mut self, prop: &MemberProp) {
            if let MemberProp::Ident(ident) = prop
                && matches!(
                    &*ident.sym,
                    "off"
                        | "removeListener"
                        | "removeAllListeners"
                        | "removeEventListener"
                        | "disconnect"
                        | "close"
                        | "offAny"
                )
            {
                self.0 = true;
            }
        }
    }
    let mut finder = Finder(false);
    cleanup.visit_with(&mut finder);
    finder.0
}

fn mentions_any(expr: &Expr, names: &[String]) -> bool {
    struct Finder<'n>(&'n [String], bool);
    impl Visit for Finder<'_> {
        fn visit_ident(&mut self, ident: &Ident) {
            if self.0.iter().any(|n| n == &*ident.sym) {
                self.1 = true;
            }
        }
    }
    let mut finder = Finder(names, false);
    expr.visit_with(&mut finder);
    finder.1
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

/// Looks through parentheses, type assertions and `await`.
pub(super) fn unwrap_expr(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(paren) => &paren.expr,
            Expr::TsAs(e) => &e.expr,
            Expr::TsNonNull(e) => &e.expr,
            Expr::TsSatisfies(e) => &e.expr,
            Expr::TsTypeAssertion(e) => &e.expr,
            Expr::TsConstAssertion(e) => &e.expr,
            Expr::TsInstantiation(e) => &e.expr,
            Expr::Await(e) => &e.arg,
            _ => return expr,
        }
    }
}

pub(super) fn require_specifier(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = unwrap_expr(expr) else {
        return None;
    };
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let Expr::Ident(ident) = &**callee else {
        return None;
    };
    if &*ident.sym != "require" || call.args.len() != 1 {
        return None;
    }
    match &*call.args[0].expr {
        Expr::Lit(Lit::Str(s)) => Some(s.value.to_string_lossy().into_owned()),
        _ => None,
    }
}

/// The component a React wrapper is called with (`memo(Chat)`, `React.memo(...)`,
/// `forwardRef((props, ref) => ...)`, MobX's `observer(...)`): rendering the wrapper
/// calls it with the same props. Other expressions are returned as they are.
fn component_of(expr: &Expr) -> &Expr {
    if let Expr::Call(call) = unwrap_expr(expr)
        && let Callee::Expr(callee) = &call.callee
        && let [component, ..] = call.args.as_slice()
        && component.spread.is_none()
    {
        let wrapper = match unwrap_expr(callee) {
            Expr::Ident(ident) => Some(&*ident.sym),
            Expr::Member(member) => match &member.prop {
                MemberProp::Ident(prop) => Some(&*prop.sym),
                _ => None,
            },
            _ => None,
        };
        if matches!(wrapper, Some("memo" | "forwardRef" | "observer")) {
            return component_of(&component.expr);
        }
    }
    expr
}

/// The expression of a JSX attribute `name={expr}`.
fn jsx_attr<'e>(element: &'e JSXOpeningElement, name: &str) -> Option<&'e Expr> {
    element.attrs.iter().find_map(|attr| match attr {
        JSXAttrOrSpread::JSXAttr(JSXAttr {
            name: JSXAttrName::Ident(attr_name),
            value:
                Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
                    expr: JSXExpr::Expr(value),
                    ..
                })),
            ..
        }) if &*attr_name.sym == name => Some(&**value),
        _ => None,
    })
}

/// The properties an object pattern takes by name, with the local each is bound to:
/// `{ socket, room: r = "lobby" }` → (socket, socket), (room, r).
fn object_pat_keys(object: &ObjectPat) -> Vec<(&str, &str)> {
    object
        .props
        .iter()
        .filter_map(|prop| match prop {
            ObjectPatProp::Assign(assign) => Some((&*assign.key.sym, &*assign.key.sym)),
            ObjectPatProp::KeyValue(kv) => {
                let local = match &*kv.value {
                    Pat::Ident(local) => &local.id.sym,
                    Pat::Assign(AssignPat { left, .. }) => match &**left {
                        Pat::Ident(local) => &local.id.sym,
                        _ => return None,
                    },
                    _ => return None,
                };
                match &kv.key {
                    PropName::Ident(key) => Some((&*key.sym, &**local)),
                    PropName::Str(key) => key.value.as_str().map(|key| (key, &**local)),
                    _ => None,
                }
            }
            ObjectPatProp::Rest(_) => None,
        })
        .collect()
}

/// `socket?.emit` as a plain member expression.
pub(super) fn member_of(callee: &Expr) -> Expr {
    match unwrap_expr(callee) {
        Expr::OptChain(chain) => match &*chain.base {
            OptChainBase::Member(member) => Expr::Member(member.clone()),
            OptChainBase::Call(_) => callee.clone(),
        },
        other => other.clone(),
    }
}

fn is_module_exports(expr: &Expr) -> bool {
    matches!(expr, Expr::Member(member)
        if matches!(&*member.obj, Expr::Ident(id) if &*id.sym == "module")
            && member.prop.is_ident_with("exports"))
}

pub(super) fn package_side(specifier: &str) -> Option<Side> {
    // Every name and URL below contains `socket.io`; most specifiers of a project do
    // not, and this is asked for each import and callee (thousands of times).
    memchr::memmem::find(specifier.as_bytes(), SERVER_PKG.as_bytes())?;
    let package = specifier.split('/').next().unwrap_or(specifier);
    // `@scope/name` of `@scope/name/deep/path`.
    let scoped = match specifier.match_indices('/').nth(1) {
        Some((second_slash, _)) => &specifier[..second_slash],
        None => specifier,
    };
    if specifier == CLIENT_PKG
        || specifier.starts_with("socket.io-client/")
        || is_client_script_url(specifier)
    {
        Some(Side::Client)
    } else if package == SERVER_PKG
        || matches!(
            scoped,
            "@socket.io/redis-emitter"
                | "@socket.io/postgres-emitter"
                | "@socket.io/redis-streams-emitter"
        )
    {
        Some(Side::Server)
    } else {
        None
    }
}

/// The client served by a Socket.IO server or a CDN, imported by URL from a page's
/// module script: `/socket.io/socket.io.esm.min.js`,
/// `https://cdn.socket.io/4.8.1/socket.io.esm.min.js`.
fn is_client_script_url(specifier: &str) -> bool {
    let by_url = ["/", "http://", "https://"]
        .iter()
        .any(|prefix| specifier.starts_with(prefix));
    let file = specifier.rsplit('/').next().unwrap_or(specifier);
    by_url && file.starts_with("socket.io") && file.ends_with(".js")
}

pub(super) fn export_name(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::Ident(ident) => ident.sym.as_str().to_owned(),
        ModuleExportName::Str(s) => s.value.to_string_lossy().into_owned(),
    }
}

pub(super) fn prop_name(name: &PropName) -> Option<String> {
    match name {
        PropName::Ident(ident) => Some(ident.sym.as_str().to_owned()),
        PropName::Str(s) => Some(s.value.to_string_lossy().into_owned()),
        PropName::Num(n) => Some(n.value.to_string()),
        _ => None,
    }
}

pub(super) fn prop_name_key(key: &PropName) -> Option<String> {
    prop_name(key)
}

/// The name of `.x` or `["x"]`, borrowed: most are only compared.
pub(super) fn member_prop_name(prop: &MemberProp) -> Option<std::borrow::Cow<'_, str>> {
    match prop {
        MemberProp::Ident(ident) => Some(std::borrow::Cow::Borrowed(&ident.sym)),
        MemberProp::Computed(computed) => match &*computed.expr {
            Expr::Lit(Lit::Str(s)) => Some(s.value.to_string_lossy()),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

pub(super) fn pat_names(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(ident) => out.push(ident.id.sym.as_str().to_owned()),
        Pat::Array(array) => {
            for elem in array.elems.iter().flatten() {
                pat_names(elem, out);
            }
        }
        Pat::Rest(rest) => pat_names(&rest.arg, out),
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => pat_names(&kv.value, out),
                    ObjectPatProp::Assign(assign) => out.push(assign.key.sym.as_str().to_owned()),
                    ObjectPatProp::Rest(rest) => pat_names(&rest.arg, out),
                }
            }
        }
        Pat::Assign(assign) => pat_names(&assign.left, out),
        Pat::Invalid(_) | Pat::Expr(_) => {}
    }
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
fn typed_socket_array(type_ann: Option<&TsTypeAnn>, extractor: &Extractor) -> Option<SocketRef> {
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

fn typed_origin(type_ann: Option<&TsTypeAnn>, extractor: &Extractor) -> Option<Origin> {
    typed_socket(type_ann, extractor).map(Origin::Typed)
}

/// A parameter default that can be called: a function written there or a named one
/// (`noop`, `_.noop`); `null` and `undefined` are not.
fn default_is_callable(default: &Expr) -> bool {
    match unwrap_expr(default) {
        Expr::Arrow(_) | Expr::Fn(_) | Expr::Member(_) => true,
        Expr::Ident(ident) => &*ident.sym != "undefined",
        _ => false,
    }
}

/// A catch-all listener whose body only logs (`socket.onAny((e) => console.log(e))`).
fn only_logs(listener: &Expr) -> bool {
    let body_stmts: Vec<&Stmt> = match unwrap_expr(listener) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(body) => body.stmts.iter().collect(),
            ArrowFunctionBody::Expr(expr) => return is_log_call(expr),
        },
        Expr::Fn(function) => match &function.function.body {
            Some(block) => block.stmts.iter().collect(),
            None => return false,
        },
        _ => return false,
    };
    body_stmts.iter().all(|stmt| match stmt {
        Stmt::Expr(expr) => is_log_call(&expr.expr),
        _ => false,
    })
}

fn is_log_call(expr: &Expr) -> bool {
    let Expr::Call(call) = unwrap_expr(expr) else {
        return false;
    };
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    match unwrap_expr(callee) {
        Expr::Member(member) => {
            matches!(&*member.obj, Expr::Ident(obj) if matches!(&*obj.sym, "console" | "logger" | "log"))
        }
        Expr::Ident(ident) => {
            let name = ident.sym.to_ascii_lowercase();
            name.contains("log") || name.contains("debug")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    /// For each handler registered in an effect with `body`: whether it keeps a context
    /// that makes it run again and again.
    fn repeated(body: &str) -> Vec<bool> {
        let source = format!(
            "import {{ io }} from \"socket.io-client\";\nimport {{ useEffect, useRef }} from \"react\";\nconst socket = io(\"http://localhost:3000\");\nlet busy = false;\nexport function Panel({{ url }}: {{ url: string }}) {{\nconst done = useRef(false);\nuseEffect(() => {{\n{body}\n}}, [url]);\n}}\n"
        );
        crate::lang::ts::extract(&source, FileKind::Tsx, &[], None)
            .handlers
            .iter()
            .map(|h| h.context.is_some())
            .collect()
    }

    /// Whether the ack of each handler in `source` (a server file) is safe to call
    /// when the emitter passes none.
    fn ack_guarded(source: &str) -> Vec<bool> {
        let source = format!(
            "const {{ Server }} = require(\"socket.io\");\nconst io = new Server(3000);\nio.on(\"connection\", (socket) => {{\n{source}\n}});\n"
        );
        crate::lang::ts::extract(&source, FileKind::Js, &[], None)
            .handlers
            .iter()
            .filter_map(|h| h.ack.as_ref().map(|ack| ack.summary.guarded))
            .collect()
    }

    #[test]
    fn an_ack_with_a_callable_default_is_guarded() {
        assert_eq!(
            ack_guarded("socket.on(\"x\", (m, ack = () => {}) => ack(m));"),
            [true]
        );
        assert_eq!(
            ack_guarded("socket.on(\"x\", (m, ack = noop) => ack(m));"),
            [true]
        );
        // `null` and `undefined` are not called in its place: calling it still throws.
        assert_eq!(
            ack_guarded("socket.on(\"x\", (m, ack = null) => ack(m));"),
            [false]
        );
        assert_eq!(
            ack_guarded("socket.on(\"x\", (m, ack = undefined) => ack(m));"),
            [false]
        );
        assert_eq!(
            ack_guarded("socket.on(\"x\", (m, ack) => ack(m));"),
            [false]
        );
    }

    #[test]
    fn an_effect_guarded_by_a_flag_it_sets_registers_once() {
        assert_eq!(
            repeated("if (done.current) return;\ndone.current = true;\nsocket.on(\"x\", show);"),
            [false]
        );
        assert_eq!(
            repeated("if (!done.current) { done.current = true; socket.on(\"x\", show); }"),
            [false]
        );
        // Checked but never set, or set and reset: no guard.
        assert_eq!(
            repeated("if (done.current) return;\nsocket.on(\"x\", show);"),
            [true]
        );
        assert_eq!(
            repeated("if (busy) return;\nbusy = true;\nsocket.on(\"x\", show);\nbusy = false;"),
            [true]
        );
        // A ref that holds the socket is the flag too; so is the socket's listener list.
        assert_eq!(
            repeated(
                "if (done.current) return;\ndone.current = io(url);\ndone.current.on(\"x\", show);"
            ),
            [false]
        );
        assert_eq!(
            repeated("if (socket.hasListeners(\"x\")) return;\nsocket.on(\"x\", show);"),
            [false]
        );
    }

    #[test]
    fn listeners_that_run_once_do_not_pile_up() {
        // A socket opened in this effect: each run registers on a new one.
        assert_eq!(
            repeated("const own = io(url);\nown.on(\"x\", show);"),
            [false]
        );
        // A `once` or self-removing outer listener registers its inner one once (the
        // outer one keeps the effect's context; the rule leaves `once` alone).
        assert_eq!(
            repeated("socket.once(\"connect\", () => socket.on(\"x\", show));"),
            [true, false]
        );
        // A listener that removes itself does not pile up either, nor what it registers.
        assert_eq!(
            repeated(
                "socket.on(\"connect\", function first() { socket.off(\"connect\", first); socket.on(\"x\", show); });"
            ),
            [false, false]
        );
        assert_eq!(
            repeated("socket.on(\"connect\", () => socket.on(\"x\", show));"),
            [true, true]
        );
    }

    /// The emits of a client module `body` (with `io` imported), as (event, receiver).
    fn emits(body: &str) -> Vec<(String, crate::facts::SocketRef)> {
        let source = format!("import {{ io, type Socket }} from \"socket.io-client\";\n{body}\n");
        crate::lang::ts::extract(&source, FileKind::Tsx, &[], None)
            .emits
            .into_iter()
            .map(|emit| match emit.name {
                crate::facts::Value::Str(name)
                | crate::facts::Value::Literal { value: name, .. } => (name, emit.receiver),
                other => (format!("{other:?}"), emit.receiver),
            })
            .collect()
    }

    fn names(body: &str) -> Vec<String> {
        emits(body).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn a_retrying_client_is_marked_unless_retries_is_zero() {
        let retries = |options: &str| {
            emits(&format!("const s = io(\"/\", {options});\ns.emit(\"x\");"))
                .iter()
                .any(|(_, receiver)| receiver.ops.contains(&crate::facts::Op::Retries))
        };
        assert!(retries("{ retries: 3 }"));
        assert!(retries("{ retries: MAX_RETRIES, ackTimeout: 1000 }"));
        assert!(!retries("{ retries: 0 }"));
        assert!(!retries("{ ackTimeout: 1000 }"));
    }

    #[test]
    fn optional_calls_on_sockets_are_sites() {
        assert_eq!(
            names(
                "const s = io();\nconst ref = { current: null };\nref.current = s;\n\
                 s?.emit(\"a\");\ns?.timeout(5).emit(\"b\", () => {});\n\
                 s.timeout(5)?.emit(\"c\", () => {});\ns?.timeout(5)?.emitWithAck(\"d\");\n\
                 ref.current?.emit(\"e\");"
            ),
            ["a", "b", "c", "d", "e"]
        );
    }

    #[test]
    fn elements_of_socket_arrays_are_sockets() {
        assert_eq!(
            names(
                "const pair = [io(), io()];\npair[1].emit(\"a\");\n\
                 const many = Array.from({ length: 3 }, () => io());\nmany.at(-1).emit(\"b\");\n\
                 const later = [];\nlater.push(io());\nfor (const s of later) s.emit(\"c\");\n\
                 function f(list: Socket[]) { list.forEach((s) => s.emit(\"d\")); }\n\
                 const words = [\"x\"];\nwords[0].emit(\"not a socket\");\n\
                 class P { list: Socket[] = []; m() { this.list[0].emit(\"e\"); } }\n\
                 const byId = new Map();\nbyId.set(\"k\", io());\nbyId.get(\"k\").emit(\"f\");"
            ),
            ["a", "b", "c", "d", "e", "f"]
        );
    }

    #[test]
    fn react_state_holds_the_socket_its_setter_is_given() {
        let origins: Vec<bool> = emits(
            "function App() {\n\
             const [socket, setSocket] = useState(null);\n\
             useEffect(() => { socket?.emit(\"early\"); }, [socket]);\n\
             useEffect(() => { const s = io(); setSocket(s); }, []);\n\
             const send = () => socket.emit(\"late\");\n}",
        )
        .iter()
        .map(|(_, receiver)| matches!(receiver.origin, crate::facts::Origin::ClientFactory { .. }))
        .collect();
        assert_eq!(origins, [true, true]);
    }

    #[test]
    fn a_component_prop_is_filled_by_the_elements_that_render_it() {
        let source = "import { io } from \"socket.io-client\";\n\
            const socket = io();\n\
            function Chat({ socket: s, room }) { s.emit(\"a\", room); }\n\
            function Box(props) { props.socket.emit(\"b\"); }\n\
            const Boxed = memo(Box);\n\
            export const App = () => <><Chat socket={socket} room=\"r\" /><Boxed socket={socket} /></>;\n";
        let facts = crate::lang::ts::extract(source, FileKind::Tsx, &[], None);
        let props: Vec<&str> = facts
            .prop_calls
            .iter()
            .flat_map(|call| call.props.iter().map(|(name, _)| name.as_str()))
            .collect();
        assert_eq!(props, ["socket", "socket"]);
        // `memo(Box)` renders `Box`.
        assert!(
            facts
                .prop_calls
                .iter()
                .all(|call| matches!(call.callee, crate::facts::Callee::Local(_)))
        );
        for emit in &facts.emits {
            assert!(
                matches!(&emit.receiver.origin, crate::facts::Origin::Prop { name, .. } if name == "socket"),
                "{:?}",
                emit.receiver
            );
        }
        assert_eq!(facts.emits.len(), 2);
    }
}
