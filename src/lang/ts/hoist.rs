//! The module level, before the walk: top-level functions, the prescan of assignments
//! over the whole file, hoisted imports, requires and declarations, and exports.

use rustc_hash::FxHashMap as HashMap;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::bindings::Binding;
use super::extract::Extractor;
use super::flow::LocalFn;
use super::listeners::flag_key;
use super::packages::package_side;
use super::syntax::{
    component_of, export_name, is_state_hook, member_prop_name, prop_name, require_specifier,
    str_text, unwrap_expr,
};
use crate::facts::{ExportValue, SocketRef, Value};

impl<'a> Extractor<'a> {
    /// Top-level functions by name, for the all-paths analysis to look into.
    pub(super) fn collect_locals(&mut self, program: &'a Program) {
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

    pub(super) fn prescan_assignments(&mut self, program: &Program) {
        /// What the prescan learns besides `assigned`: for React state set to a socket
        /// before or after it is read (`socket?.emit` in one effect, `setSocket(created)`
        /// in another), the sockets made under each name and the setters' arguments.
        #[derive(Default)]
        struct States {
            created: HashMap<String, SocketRef>,
            setters: HashMap<String, String>,
            set_to: Vec<(String, SetArg)>,
            /// Functions, arrows and constructors in the file.
            functions: usize,
        }
        enum SetArg {
            Created(SocketRef),
            Name(String),
        }
        struct Assignments<'e, 'a>(&'e mut Extractor<'a>, States);
        /// Adds `name` to `names`, allocating it only the first time (most names
        /// assigned or mutated are so more than once).
        fn note(names: &mut rustc_hash::FxHashSet<String>, name: &str) {
            if !names.contains(name) {
                names.insert(name.to_owned());
            }
        }
        impl Visit for Assignments<'_, '_> {
            // Types hold no runtime wiring, and the walk skips them too.
            fn visit_ts_type(&mut self, _: &TsType) {}
            // Counted to size the file's list of functions once (see `func_id`): each
            // function, arrow and constructor gets one entry at most.
            fn visit_function(&mut self, function: &Function) {
                self.1.functions += 1;
                function.visit_children_with(self);
            }
            fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
                self.1.functions += 1;
                arrow.visit_children_with(self);
            }
            fn visit_constructor(&mut self, constructor: &Constructor) {
                self.1.functions += 1;
                constructor.visit_children_with(self);
            }
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
                        note(&mut self.0.mutated, &target.sym);
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
                    note(&mut self.0.reassigned, &ident.id.sym);
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
                    note(&mut self.0.mutated, &holder.sym);
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
            functions,
        } = prescan.1;
        // A function's record is large: growing the list copies every record made so
        // far, a few times per file; and the table of their ids is not regrown.
        self.facts
            .functions
            .reserve_exact(functions.saturating_sub(self.facts.functions.len()));
        self.func_ids
            .reserve(functions.saturating_sub(self.func_ids.len()));
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

    pub(super) fn hoist_module_item(&mut self, item: &ModuleItem) {
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

    pub(super) fn hoist_stmts(&mut self, stmts: &[Stmt]) {
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
        let specifier = self.own_specifier(str_text(&import.src).into_owned());
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

    pub(super) fn bind_required(&mut self, pat: &Pat, specifier: &str) {
        // Not copied: a specifier is only copied into each binding.
        let specifier = self.own_package_name(specifier).unwrap_or(specifier);
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

    pub(super) fn enum_value(&mut self, decl: &TsEnumDecl) -> Value {
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

    pub(super) fn export(&mut self, name: String, value: ExportValue) {
        self.facts.exports.push((name, value));
    }

    /// What an exported local name stands for.
    pub(super) fn export_binding(&self, local: &str) -> Option<ExportValue> {
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
            Binding::Foreign
            | Binding::Sockets(_)
            | Binding::Entries(_)
            | Binding::TauriWindow(_) => return None,
        })
    }

    pub(super) fn export_expr(&mut self, name: String, expr: &Expr) {
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
    pub(super) fn export_object(&mut self, object: &ObjectLit) {
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
}
