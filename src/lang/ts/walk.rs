//! The walk over a module (`Visit`): scopes for blocks, functions and classes, and each
//! node handed to the part of the extractor that reads it.

use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::bindings::Binding;
use super::classes::ClassFields;
use super::extract::Extractor;
use super::flow::{self, LocalFn};
use super::syntax::{
    export_name, is_module_exports, member_of, member_prop_name, pat_names, prop_name,
    prop_name_key, unwrap_expr,
};
use crate::facts::{Calls, ExportValue, MissingKind, PendingPromise};

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
        self.scopes.push();
        self.hoist_stmts(&block.stmts);
        if self.names_tauri_api {
            self.visit_stmts_after_exits(&block.stmts);
        } else {
            block.visit_children_with(self);
        }
        self.scopes.pop();
    }

    fn visit_if_stmt(&mut self, stmt: &IfStmt) {
        if !self.names_tauri_api {
            return stmt.visit_children_with(self);
        }
        stmt.test.visit_with(self);
        self.under_name_tests(&stmt.test, true, |walk| stmt.cons.visit_with(walk));
        if let Some(alt) = &stmt.alt {
            self.under_name_tests(&stmt.test, false, |walk| alt.visit_with(walk));
        }
    }

    fn visit_cond_expr(&mut self, cond: &CondExpr) {
        if !self.names_tauri_api {
            return cond.visit_children_with(self);
        }
        cond.test.visit_with(self);
        self.under_name_tests(&cond.test, true, |walk| cond.cons.visit_with(walk));
        self.under_name_tests(&cond.test, false, |walk| cond.alt.visit_with(walk));
    }

    /// `for (const socket of sockets)` over an array of sockets: the loop variable is
    /// its element.
    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        stmt.right.visit_with(self);
        self.scopes.push();
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
        self.scopes.push();
        stmt.left.visit_with(self);
        if let ForHead::VarDecl(decl) = &stmt.left
            && let [declarator] = decl.decls.as_slice()
            && let Some((entries, imported)) = self.map_source(&stmt.right)
        {
            let walked = (entries, super::bindings::Walk::Keys, imported);
            self.bind_entries(&declarator.name, walked);
        }
        stmt.body.visit_with(self);
        self.scopes.pop();
    }

    fn visit_function_body(&mut self, body: &FunctionBody) {
        self.hoist_stmts(&body.stmts);
        if self.names_tauri_api {
            self.visit_stmts_after_exits(&body.stmts);
        } else {
            body.visit_children_with(self);
        }
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Ident(ident), Some(init)) = (&declarator.name, &declarator.init)
            && matches!(unwrap_expr(init), Expr::Arrow(_) | Expr::Fn(_))
        {
            self.pending_name = Some(ident.id.sym.as_str().to_owned());
        }
        declarator.init.visit_with(self);
        self.pending_name = None;
        self.note_listen_promise(declarator);
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
        let named = self.pending_name.is_some();
        self.note_scope(function.span);
        let id = self.enter_function(
            function.span.lo.0,
            &function.params,
            named && !function.is_async && !function.is_generator,
        );
        if named
            && self.records_param_calls()
            && let Some(local) = LocalFn::of_function(function, self.len)
        {
            self.record_param_calls(id, &local);
        }
        function.body.visit_with(self);
        self.leave_function();
    }

    fn visit_constructor(&mut self, constructor: &Constructor) {
        let scope = self.constructor_scope(constructor);
        self.scopes.push_bound(scope);
        constructor.body.visit_with(self);
        self.scopes.pop();
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let named = self.pending_name.is_some();
        self.note_scope(arrow.span);
        let id = self.enter_function(arrow.span.lo.0, &arrow.params, named && !arrow.is_async);
        if named && self.records_param_calls() {
            let local = LocalFn {
                params: arrow.params.iter().collect(),
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
        // Code of a class body outside its methods runs later (fields) or seldom
        // (static blocks): not what a call of the enclosing function throws.
        self.sheltered(|walk| class.visit_children_with(walk));
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
        self.note_throwing_call(call);
        self.on_call(call);
        call.visit_children_with(self);
    }

    fn visit_throw_stmt(&mut self, throw: &ThrowStmt) {
        self.note_throw();
        throw.visit_children_with(self);
    }

    fn visit_try_stmt(&mut self, try_stmt: &TryStmt) {
        // What the block throws, its own `catch` handles.
        if try_stmt.handler.is_some() {
            self.sheltered(|walk| try_stmt.block.visit_with(walk));
        } else {
            try_stmt.block.visit_with(self);
        }
        try_stmt.handler.visit_with(self);
        try_stmt.finalizer.visit_with(self);
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

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

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
