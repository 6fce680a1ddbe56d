//! Tauri v2's webview side: `invoke` of a command, and `emit`/`emitTo`/`listen`/`once`
//! of events (`@tauri-apps/api/core`, `/event`, v1's `/tauri`; the namespace imports
//! `import { event } from "@tauri-apps/api"` and `import * as ev from ".../event"`; the
//! instance forms on `getCurrentWindow()`, `getCurrentWebview()`,
//! `getCurrentWebviewWindow()`). The webview is the client side of the Tauri transports;
//! names resolve with the same `value()` as Socket.IO event names, and an `invoke` inside
//! a function that passes its parameters on (`call(cmd, args)`) is a wrapped site, so
//! each call of the wrapper is an invoke of its own.

use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::bindings::Binding;
use super::extract::Extractor;
use super::invokes::{API, api_module};
use super::syntax::{object_keys, unwrap_expr};
use crate::facts::{
    Emit, Handler, InvokeValue, InvokeValueKind, ListenMethod, NameShape, NameTest, Origin,
    SocketRef, TauriInvoke, TypedSocket, Value, WrappedSite, Wrapper,
};
use crate::transport::Transport;
use crate::transport::tauri::Target;

/// The target a window value's `listen`/`once` registers with, by the class it is an
/// instance of (`Window`, `Webview`, `WebviewWindow`) and its label.
fn window_target(class: &str, label: Value) -> Option<Target<Value>> {
    match class {
        "Window" => Some(Target::Window(label)),
        "Webview" => Some(Target::Webview(label)),
        "WebviewWindow" => Some(Target::WebviewWindow(label)),
        _ => None,
    }
}

/// An `EventTarget` as the JS API takes it (`emitTo`'s first argument, `listen`'s
/// `{ target }` option): a string is `AnyLabel`; an object says its `kind` and `label`;
/// anything else is not known here, so it may be any target.
fn js_target(value: Value) -> Target<Value> {
    match value {
        Value::Str(_) | Value::Literal { .. } | Value::Import { .. } | Value::Concat(_) => {
            Target::AnyLabel(value)
        }
        Value::Object(fields) => {
            let field = |key: &str| {
                fields
                    .iter()
                    .find(|(name, _)| name == key)
                    .map(|(_, value)| value)
            };
            let label = || field("label").cloned().unwrap_or(Value::Unknown);
            match field("kind").and_then(Value::as_str) {
                Some("Any") => Target::Any,
                Some("AnyLabel") => Target::AnyLabel(label()),
                Some("App") => Target::App,
                Some(class) => window_target(class, label()).unwrap_or(Target::Unknown),
                None => Target::Unknown,
            }
        }
        Value::Fallback(_) | Value::Unknown => Target::Unknown,
    }
}

/// What a call of the Tauri API does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Invoke,
    /// `checkPermissions(plugin)` / `requestPermissions(plugin)` of `@tauri-apps/api/core`:
    /// an invoke of the plugin's command of that name (`plugin:<plugin>|check_permissions`).
    PluginCommand(&'static str),
    Emit,
    EmitTo,
    Listen(ListenMethod),
}

impl Call {
    fn of(module: &str, function: &str) -> Option<Call> {
        match (module, function) {
            ("core" | "tauri", "invoke") => Some(Call::Invoke),
            ("core", "checkPermissions") => Some(Call::PluginCommand("check_permissions")),
            ("core", "requestPermissions") => Some(Call::PluginCommand("request_permissions")),
            ("event", "emit") => Some(Call::Emit),
            ("event", "emitTo") => Some(Call::EmitTo),
            ("event", "listen") => Some(Call::Listen(ListenMethod::On)),
            ("event", "once") => Some(Call::Listen(ListenMethod::Once)),
            _ => None,
        }
    }

    /// The same methods on a window, webview or webview-window value.
    fn of_instance(method: &str) -> Option<Call> {
        match method {
            "emit" | "emitTo" | "listen" | "once" => Call::of("event", method),
            _ => None,
        }
    }
}

/// The webview's end of every Tauri site: a client-side socket of no namespace.
fn webview() -> SocketRef {
    SocketRef {
        origin: Origin::Typed(TypedSocket::ClientSocket),
        ops: Vec::new(),
    }
}

/// Whether a file's text names Tauri's JS API: every call [`Extractor::on_tauri_call`]
/// recognises goes through an import of it, whose specifier is in the text.
pub(super) fn names_api(text: &str) -> bool {
    // Built once: building a searcher costs as much as searching a small file.
    static FINDER: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(API));
    FINDER.find(text.as_bytes()).is_some()
}

impl Extractor<'_> {
    /// Records `call` when it is a call of the Tauri API; says whether it was.
    pub(super) fn on_tauri_call(&mut self, call: &CallExpr, callee: &Expr) -> bool {
        if !self.names_tauri_api {
            return false;
        }
        let Some((kind, instance)) = self.tauri_call(callee) else {
            return false;
        };
        match kind {
            Call::Invoke => self.on_invoke(call),
            Call::PluginCommand(command) => self.on_plugin_command(call, command),
            // `emit` reaches every target, on an instance too.
            Call::Emit => self.on_tauri_emit(call, 0, Target::Any),
            Call::EmitTo => {
                let target = match call.args.first().filter(|arg| arg.spread.is_none()) {
                    Some(target) => js_target(self.value(&target.expr)),
                    None => Target::Unknown,
                };
                self.on_tauri_emit(call, 1, target)
            }
            Call::Listen(method) => {
                // An instance registers with its own target; the module's `listen` with
                // its `{ target }` option, `Any` without one.
                let target = instance.unwrap_or_else(|| match call.args.get(2) {
                    None => Target::Any,
                    Some(options) if options.spread.is_none() => match self.value(&options.expr) {
                        Value::Object(fields) => fields
                            .into_iter()
                            .find(|(key, _)| key == "target")
                            .map_or(Target::Any, |(_, target)| js_target(target)),
                        _ => Target::Unknown,
                    },
                    Some(_) => Target::Unknown,
                });
                self.on_tauri_listen(call, method, target)
            }
        }
        true
    }

    /// `const unlisten = listen(..)` with no `await`: `unlisten` is the Promise, not the
    /// `UnlistenFn` (see `listen_promises`).
    pub(super) fn note_listen_promise(&mut self, declarator: &VarDeclarator) {
        if !self.names_tauri_api {
            return;
        }
        if let (Pat::Ident(binding), Some(init)) = (&declarator.name, &declarator.init)
            && let Some(call) = unawaited_call(init)
            && let Callee::Expr(callee) = &call.callee
            && let Some((Call::Listen(_), _)) = self.tauri_call(callee)
        {
            let function = self.current_function();
            self.listen_promises
                .push((function, binding.id.sym.as_str().to_owned()));
        }
    }

    /// The local name of an import from the Tauri JS API: the name it exports.
    fn api_import(&self, local: &str) -> Option<&str> {
        match self.lookup(local)? {
            Binding::Import { specifier, name } if api_module(specifier).is_some() => {
                Some(name.as_str())
            }
            _ => None,
        }
    }

    /// The target the listeners of a Tauri window value register with, when `expr` is
    /// one: `getCurrentWindow()` (`Window` of a label not known statically: the code may
    /// run in any window), `Webview.getCurrent()`, `new WebviewWindow("x", ..)`, `await
    /// WebviewWindow.getByLabel("x")`, or a local bound to one of them.
    pub(super) fn tauri_window(&self, expr: &Expr) -> Option<Target<Value>> {
        if !self.names_tauri_api {
            return None;
        }
        match unwrap_expr(expr) {
            Expr::Ident(ident) => match self.lookup(&ident.sym)? {
                Binding::TauriWindow(target) => Some(target.clone()),
                _ => None,
            },
            Expr::Call(call) => {
                let Callee::Expr(callee) = &call.callee else {
                    return None;
                };
                match unwrap_expr(callee) {
                    // `getCurrentWebviewWindow()`
                    Expr::Ident(function) => {
                        let class = self.api_import(&function.sym)?.strip_prefix("getCurrent")?;
                        window_target(class, Value::Unknown)
                    }
                    // `WebviewWindow.getCurrent()`, `WebviewWindow.getByLabel("x")`
                    Expr::Member(member) => {
                        let (MemberProp::Ident(method), Expr::Ident(class)) =
                            (&member.prop, unwrap_expr(&member.obj))
                        else {
                            return None;
                        };
                        let label = match method.sym.as_str() {
                            "getCurrent" => Value::Unknown,
                            "getByLabel" => self.label_arg(call.args.first()),
                            _ => return None,
                        };
                        window_target(self.api_import(&class.sym)?, label)
                    }
                    _ => None,
                }
            }
            // `new WebviewWindow("x", ..)`, `new Window("x")`, `new Webview(window, "x", ..)`
            Expr::New(new) => {
                let Expr::Ident(class) = unwrap_expr(&new.callee) else {
                    return None;
                };
                let class = self.api_import(&class.sym)?;
                let at = usize::from(class == "Webview");
                let label = self.label_arg(new.args.as_ref().and_then(|args| args.get(at)));
                window_target(class, label)
            }
            _ => None,
        }
    }

    fn label_arg(&self, arg: Option<&ExprOrSpread>) -> Value {
        match arg {
            Some(arg) if arg.spread.is_none() => self.value(&arg.expr),
            _ => Value::Unknown,
        }
    }

    /// What a call of the Tauri API does, and for a method of a window value the target
    /// its listeners register with.
    fn tauri_call(&self, callee: &Expr) -> Option<(Call, Option<Target<Value>>)> {
        let callee = unwrap_expr(callee);
        if let Expr::Member(member) = callee
            && let MemberProp::Ident(method) = &member.prop
            && let Some(target) = self.tauri_window(&member.obj)
        {
            return Some((Call::of_instance(method.sym.as_str())?, Some(target)));
        }
        let call = self.tauri_function(callee)?;
        Some((call, None))
    }

    fn tauri_function(&self, callee: &Expr) -> Option<Call> {
        match callee {
            // `invoke(..)`, `listen(..)`, renamed or not.
            Expr::Ident(ident) => match self.lookup(&ident.sym)? {
                Binding::Import { specifier, name } => Call::of(api_module(specifier)?, name),
                _ => None,
            },
            Expr::Member(member) => {
                let MemberProp::Ident(method) = &member.prop else {
                    return None;
                };
                let method = method.sym.as_str();
                match unwrap_expr(&member.obj) {
                    // `event.listen(..)` with `import { event } from "@tauri-apps/api"`,
                    // `ev.listen(..)` with `import * as ev from "@tauri-apps/api/event"`.
                    Expr::Ident(object) => match self.lookup(&object.sym)? {
                        Binding::Import { specifier, name } => {
                            match (api_module(specifier)?, name.as_str()) {
                                ("", module) | (module, "*") => Call::of(module, method),
                                _ => None,
                            }
                        }
                        _ => None,
                    },
                    // Window values (`getCurrentWebviewWindow().listen(..)`) are
                    // `tauri_window`'s.
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `invoke(command, args?)`: the keys of an object literal `args`, whatever their
    /// values; no keys known when `args` is anything else.
    fn on_invoke(&mut self, call: &CallExpr) {
        let Some(first) = call.args.first().filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let keys = match call.args.get(1) {
            None => Some(Vec::new()),
            Some(args) if args.spread.is_none() => object_keys(&args.expr),
            Some(_) => None,
        };
        let index = self.facts.emits.len() as u32;
        self.note_wrapped_invoke(call, first, index);
        let values = match call.args.get(1) {
            Some(args) if args.spread.is_none() => self.invoke_values(&args.expr),
            _ => Vec::new(),
        };
        let name = self.value(&first.expr);
        let literal = matches!(unwrap_expr(&first.expr), Expr::Lit(Lit::Str(_)));
        self.push_invoke(call, first.expr.span(), (name, literal), keys, values);
    }

    /// An invoke of the command `name` (with whether it is written as a string literal
    /// at `name_at`), its argument keys, and the Channels and functions among its values.
    fn push_invoke(
        &mut self,
        call: &CallExpr,
        name_at: swc_common::Span,
        (name, literal): (Value, bool),
        keys: Option<Vec<String>>,
        values: Vec<InvokeValue>,
    ) {
        self.facts.tauri_invokes.push(TauriInvoke {
            call_start: self.span(call.span).start,
            promise: self.tauri.promise_of(call.span),
            values,
        });
        let emit = Emit::plain(
            Transport::TauriCommand,
            self.span(call.span),
            self.span(name_at),
            name,
            literal,
            webview(),
            keys,
        );
        self.facts.emits.push(emit);
    }

    /// `checkPermissions("geolocation")`: the API invokes `plugin:geolocation|check_permissions`
    /// with no arguments.
    fn on_plugin_command(&mut self, call: &CallExpr, command: &str) {
        let Some(plugin) = call.args.first().filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let name = Value::Concat(vec![
            Value::Str("plugin:".to_owned()),
            self.value(&plugin.expr),
            Value::Str(format!("|{command}")),
        ]);
        self.push_invoke(
            call,
            plugin.expr.span(),
            (name, false),
            Some(Vec::new()),
            Vec::new(),
        );
    }

    /// An invoke in a wrapper: its command is the wrapper's parameter, as it is
    /// (`invoke(cmd, args)`) or made from it (a template `plugin:notes|${cmd}`, or
    /// `"plugin:notes|" + cmd`), under the tests of that parameter the invoke sits in
    /// (`if (cmd.startsWith("plugin:"))`): each call of the wrapper invokes the name it
    /// passes, shaped the same way, and only when the tests let it through.
    fn note_wrapped_invoke(&mut self, call: &CallExpr, first: &ExprOrSpread, index: u32) {
        let Some((param, prefix, suffix)) = shaped_name(&first.expr) else {
            let wrappers = self.facts.wrappers.len();
            self.note_wrapped_emit(call, index);
            if let (Some(wrapper), Expr::Ident(name)) = (
                self.facts.wrappers.get_mut(wrappers),
                unwrap_expr(&first.expr),
            ) && wrapper.name.is_some()
            {
                wrapper.name_shape.tests = tests_of(&self.name_tests, &name.sym);
            }
            return;
        };
        let param_arg = ExprOrSpread {
            spread: None,
            expr: Box::new(Expr::Ident(param.clone())),
        };
        let Some((owner, name)) = self.param_of(&param_arg) else {
            return;
        };
        let args = call.args[1..]
            .iter()
            .map(|arg| self.passed_arg(arg, owner))
            .collect();
        let tests = tests_of(&self.name_tests, &param.sym);
        self.facts.wrappers.push(Wrapper {
            func: owner,
            site: WrappedSite::Emit(index),
            name: Some(name),
            args,
            name_shape: NameShape {
                prefix,
                suffix,
                tests,
            },
        });
    }

    /// Walks `walk` under the tests `test` makes of names, expecting it to give
    /// `expected`.
    pub(super) fn under_name_tests(
        &mut self,
        test: &Expr,
        expected: bool,
        walk: impl FnOnce(&mut Self),
    ) {
        let depth = self.name_tests.len();
        name_tests(test, expected, &mut self.name_tests);
        walk(self);
        self.name_tests.truncate(depth);
    }

    /// Walks statements in order; after `if (test) return ..;` (or `throw`) the rest
    /// runs only when `test` is false: `if (!cmd.startsWith("plugin:")) return
    /// invoke("rpc", ..); return invoke(cmd)`.
    pub(super) fn visit_stmts_after_exits(&mut self, stmts: &[Stmt]) {
        let depth = self.name_tests.len();
        for stmt in stmts {
            stmt.visit_with(self);
            if let Stmt::If(if_stmt) = stmt
                && if_stmt.alt.is_none()
                && always_exits(&if_stmt.cons)
            {
                name_tests(&if_stmt.test, false, &mut self.name_tests);
            }
        }
        self.name_tests.truncate(depth);
    }

    /// The values of an invoke's argument object that are Channels or functions.
    fn invoke_values(&self, args: &Expr) -> Vec<InvokeValue> {
        let Expr::Object(object) = unwrap_expr(args) else {
            return Vec::new();
        };
        let mut values = Vec::new();
        for prop in &object.props {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            let (key, value): (String, Expr) = match &**prop {
                Prop::Shorthand(ident) => {
                    (ident.sym.as_str().to_owned(), Expr::Ident(ident.clone()))
                }
                Prop::KeyValue(kv) => {
                    let key = match &kv.key {
                        PropName::Ident(ident) => ident.sym.as_str().to_owned(),
                        PropName::Str(text) => text.value.to_string_lossy().into_owned(),
                        _ => continue,
                    };
                    (key, (*kv.value).clone())
                }
                // `onProgress(p) { .. }`: a function too.
                Prop::Method(method) => match &method.key {
                    PropName::Ident(ident) => {
                        values.push(InvokeValue {
                            key: ident.sym.as_str().to_owned(),
                            span: self.span(method.function.span),
                            kind: InvokeValueKind::Function,
                        });
                        continue;
                    }
                    _ => continue,
                },
                _ => continue,
            };
            let kind = match unwrap_expr(&value) {
                Expr::Arrow(_) | Expr::Fn(_) => Some(InvokeValueKind::Function),
                Expr::New(new) => {
                    self.tauri
                        .new_channel(new)
                        .map(|onmessage| InvokeValueKind::Channel {
                            binding: None,
                            onmessage,
                        })
                }
                Expr::Ident(ident) => match self
                    .tauri
                    .channel_at(ident.sym.as_str(), self.span(ident.span).start)
                {
                    Some(onmessage) => Some(InvokeValueKind::Channel {
                        binding: Some(ident.sym.as_str().to_owned()),
                        onmessage,
                    }),
                    None => matches!(self.lookup(&ident.sym), Some(Binding::Func(_)))
                        .then_some(InvokeValueKind::Function),
                },
                _ => None,
            };
            if let Some(kind) = kind {
                values.push(InvokeValue {
                    key,
                    span: self.span(value.span()),
                    kind,
                });
            }
        }
        values
    }

    /// `emit(event, payload?)`, `emitTo(target, event, payload?)`: the name is argument
    /// `at`.
    fn on_tauri_emit(&mut self, call: &CallExpr, at: usize, target: Target<Value>) {
        let Some(name) = call.args.get(at).filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let mut emit = Emit::plain(
            Transport::TauriEvent,
            self.span(call.span),
            self.span(name.expr.span()),
            self.value(&name.expr),
            matches!(unwrap_expr(&name.expr), Expr::Lit(Lit::Str(_))),
            webview(),
            None,
        );
        emit.target = target;
        self.facts.emits.push(emit);
    }

    fn on_tauri_listen(&mut self, call: &CallExpr, method: ListenMethod, target: Target<Value>) {
        let Some(name) = call.args.first() else {
            return;
        };
        // `listen(...args)` in a wrapper (`useTauriListen(...args)`): the names its
        // callers pass are not followed through a rest parameter, so the listener may
        // receive any event and no emit of the app is called unheard because of it.
        let value = match name.spread {
            Some(_) => Value::Unknown,
            None => self.value(&name.expr),
        };
        let index = self.facts.handlers.len() as u32;
        self.note_wrapped_handler(call, index);
        let mut handler = Handler::plain(
            Transport::TauriEvent,
            self.span(call.span),
            self.span(name.expr.span()),
            value,
            matches!(unwrap_expr(&name.expr), Expr::Lit(Lit::Str(_))),
            webview(),
            method,
        );
        // `once` unlistens itself; a `listen` in an effect must be unlistened by it.
        handler.context = self.listen_context();
        handler.target = target;
        self.facts.handlers.push(handler);
    }
}

/// `prefix${param}suffix` or `"prefix" + param + "suffix"`: the parameter and the text
/// around it. `None` for a bare name and for anything with another unknown part.
fn shaped_name(expr: &Expr) -> Option<(Ident, String, String)> {
    match unwrap_expr(expr) {
        Expr::Tpl(tpl) => {
            let ([before, after], [hole]) = (tpl.quasis.as_slice(), tpl.exprs.as_slice()) else {
                return None;
            };
            let Expr::Ident(param) = unwrap_expr(hole) else {
                return None;
            };
            Some((param.clone(), cooked(before)?, cooked(after)?))
        }
        Expr::Bin(_) => {
            let mut parts = Vec::new();
            concat_parts(expr, &mut parts)?;
            let at = parts.iter().position(Result::is_err)?;
            let text = |parts: &[Result<String, Ident>]| -> Option<String> {
                parts
                    .iter()
                    .map(|part| part.as_ref().ok().cloned())
                    .collect()
            };
            let Err(param) = &parts[at] else {
                return None;
            };
            Some((param.clone(), text(&parts[..at])?, text(&parts[at + 1..])?))
        }
        _ => None,
    }
}

fn cooked(quasi: &TplElement) -> Option<String> {
    Some(quasi.cooked.as_ref()?.to_string_lossy().into_owned())
}

/// The operands of a `+` chain: string literals (`Ok`) and names (`Err`).
fn concat_parts(expr: &Expr, parts: &mut Vec<Result<String, Ident>>) -> Option<()> {
    match unwrap_expr(expr) {
        Expr::Bin(bin) if bin.op == BinaryOp::Add => {
            concat_parts(&bin.left, parts)?;
            concat_parts(&bin.right, parts)
        }
        Expr::Lit(Lit::Str(text)) => {
            parts.push(Ok(text.value.to_string_lossy().into_owned()));
            Some(())
        }
        Expr::Ident(ident) => {
            parts.push(Err(ident.clone()));
            Some(())
        }
        _ => None,
    }
}

/// A `return` or `throw`, or a block that ends in one.
fn always_exits(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(_) | Stmt::Throw(_) => true,
        Stmt::Block(block) => block.stmts.last().is_some_and(always_exits),
        _ => false,
    }
}

/// The tests of `name` among those the walk is under.
fn tests_of(tests: &[(String, NameTest)], name: &str) -> Vec<NameTest> {
    tests
        .iter()
        .filter(|(tested, _)| tested == name)
        .map(|(_, test)| test.clone())
        .collect()
}

/// The tests `test` makes of names when it gives `expected`: `x.startsWith("p")`,
/// `endsWith`, `includes`, `x === "v"` (and `!==`, `!`, `&&` when true, `||` when
/// false). Any other test is an unknown one of every name it mentions.
fn name_tests(test: &Expr, expected: bool, out: &mut Vec<(String, NameTest)>) {
    match unwrap_expr(test) {
        Expr::Unary(unary) if unary.op == UnaryOp::Bang => name_tests(&unary.arg, !expected, out),
        Expr::Bin(bin)
            if (bin.op == BinaryOp::LogicalAnd && expected)
                || (bin.op == BinaryOp::LogicalOr && !expected) =>
        {
            name_tests(&bin.left, expected, out);
            name_tests(&bin.right, expected, out);
        }
        Expr::Bin(bin)
            if matches!(
                bin.op,
                BinaryOp::EqEqEq | BinaryOp::EqEq | BinaryOp::NotEqEq | BinaryOp::NotEq
            ) =>
        {
            let equal = matches!(bin.op, BinaryOp::EqEqEq | BinaryOp::EqEq);
            match (unwrap_expr(&bin.left), unwrap_expr(&bin.right)) {
                (Expr::Ident(name), Expr::Lit(Lit::Str(text)))
                | (Expr::Lit(Lit::Str(text)), Expr::Ident(name)) => out.push((
                    name.sym.as_str().to_owned(),
                    NameTest::Equals(text.value.to_string_lossy().into_owned(), equal == expected),
                )),
                _ => unknown_tests(test, out),
            }
        }
        Expr::Call(call) => {
            let string_test = match &call.callee {
                Callee::Expr(callee) => match unwrap_expr(callee) {
                    Expr::Member(member) => match (unwrap_expr(&member.obj), &member.prop) {
                        (Expr::Ident(name), MemberProp::Ident(method)) => {
                            match call.args.as_slice() {
                                [arg] if arg.spread.is_none() => match unwrap_expr(&arg.expr) {
                                    Expr::Lit(Lit::Str(text)) => {
                                        let text = text.value.to_string_lossy().into_owned();
                                        match &*method.sym {
                                            "startsWith" => {
                                                Some(NameTest::StartsWith(text, expected))
                                            }
                                            "endsWith" => Some(NameTest::EndsWith(text, expected)),
                                            "includes" => Some(NameTest::Includes(text, expected)),
                                            _ => None,
                                        }
                                        .map(|test| (name.sym.as_str().to_owned(), test))
                                    }
                                    _ => None,
                                },
                                _ => None,
                            }
                        }
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            };
            match string_test {
                Some(found) => out.push(found),
                None => unknown_tests(test, out),
            }
        }
        _ => unknown_tests(test, out),
    }
}

/// Every name `test` mentions, tested in a way this analysis does not evaluate.
fn unknown_tests(test: &Expr, out: &mut Vec<(String, NameTest)>) {
    struct Names<'o>(&'o mut Vec<(String, NameTest)>);
    impl Visit for Names<'_> {
        fn visit_ident(&mut self, ident: &Ident) {
            self.0
                .push((ident.sym.as_str().to_owned(), NameTest::Unknown));
        }
        // `x.length`: `length` is a property, not a name.
        fn visit_member_prop(&mut self, _: &MemberProp) {}
    }
    test.visit_with(&mut Names(out));
}

/// Whether a React effect that listens to Tauri events returns a cleanup that calls the
/// resolved `UnlistenFn`: `unlisten.then((off) => off())`, or a call of a binding that
/// is not the Promise `listen` returns (`unlisten = await listen(..)` then
/// `unlisten?.()`). Calling the Promise itself (`const unlisten = listen(..); return ()
/// => unlisten()`) throws and removes nothing. Only effects that call Tauri's
/// `listen`/`once` are judged here; the others are `effect_cleans_up`'s.
pub(super) fn effect_unlistens(effect: &Expr) -> bool {
    let block = match unwrap_expr(effect) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => block,
            ArrowFunctionBody::Expr(_) => return false,
        },
        Expr::Fn(function) => match &function.function.body {
            Some(block) => block,
            None => return false,
        },
        _ => return false,
    };
    let mut promises = Promises::default();
    block.visit_with(&mut promises);
    if !promises.listens {
        return false;
    }
    block.stmts.iter().any(|stmt| match stmt {
        Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => {
            let mut calls = CleanupCalls {
                promises: &promises.names,
                unlistens: false,
            };
            arg.visit_with(&mut calls);
            calls.unlistens
        }
        _ => false,
    })
}

/// `init` when it is a call whose result is kept as it is (a Promise, for an async
/// function), not awaited: `listen(..)`, `(listen(..) as P)`; not `await listen(..)`.
fn unawaited_call(init: &Expr) -> Option<&CallExpr> {
    match init {
        Expr::Call(call) => Some(call),
        Expr::Paren(paren) => unawaited_call(&paren.expr),
        Expr::TsAs(inner) => unawaited_call(&inner.expr),
        Expr::TsNonNull(inner) => unawaited_call(&inner.expr),
        Expr::TsSatisfies(inner) => unawaited_call(&inner.expr),
        Expr::TsTypeAssertion(inner) => unawaited_call(&inner.expr),
        _ => None,
    }
}

/// The effect's `const x = listen(..)` bindings (the Promise, not awaited), and whether
/// it calls `listen`/`once` at all.
#[derive(Default)]
struct Promises {
    names: Vec<String>,
    listens: bool,
}

fn is_listen_call(call: &CallExpr) -> bool {
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    match unwrap_expr(callee) {
        Expr::Ident(ident) => matches!(&*ident.sym, "listen" | "once"),
        Expr::Member(member) => {
            matches!(&member.prop, MemberProp::Ident(prop) if &*prop.sym == "listen")
        }
        _ => false,
    }
}

impl Visit for Promises {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        self.listens |= is_listen_call(call);
        call.visit_children_with(self);
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Ident(binding), Some(init)) = (&declarator.name, &declarator.init)
            && let Some(call) = unawaited_call(init)
            && is_listen_call(call)
        {
            self.names.push(binding.id.sym.as_str().to_owned());
        }
        declarator.visit_children_with(self);
    }
}

/// In a cleanup: a `.then(..)` (on the Promise, to call the resolved function) or a
/// call of a binding that is not a listen Promise.
struct CleanupCalls<'a> {
    promises: &'a [String],
    unlistens: bool,
}

impl Visit for CleanupCalls<'_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee {
            match unwrap_expr(callee) {
                Expr::Member(member) if matches!(&member.prop, MemberProp::Ident(prop) if &*prop.sym == "then") =>
                {
                    self.unlistens = true;
                }
                Expr::Ident(ident) if !self.promises.iter().any(|p| p == &*ident.sym) => {
                    self.unlistens = true;
                }
                _ => {}
            }
        }
        call.visit_children_with(self);
    }

    fn visit_opt_call(&mut self, call: &OptCall) {
        if let Expr::Ident(ident) = unwrap_expr(&call.callee)
            && !self.promises.iter().any(|p| p == &*ident.sym)
        {
            self.unlistens = true;
        }
        call.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;
    use crate::facts::FileFacts;
    use crate::transport::Transport;

    fn facts(source: &str) -> FileFacts {
        crate::lang::ts::extract(source, FileKind::Ts, &[], None)
    }

    #[test]
    fn invokes_and_events_in_every_import_form() {
        let facts = facts(
            r#"
import { invoke } from "@tauri-apps/api/core";
import { event } from "@tauri-apps/api";
import * as ev from "@tauri-apps/api/event";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
invoke("save_note", { noteId: 1, body });
event.listen("a", () => {});
ev.emitTo("main", "b", 1);
getCurrentWebviewWindow().once("c", () => {});
"#,
        );
        let invoke = &facts.emits[0];
        assert_eq!(invoke.transport, Transport::TauriCommand);
        assert_eq!(invoke.name.as_str(), Some("save_note"));
        assert_eq!(
            invoke.payload_keys,
            Some(vec!["noteId".to_owned(), "body".to_owned()])
        );
        assert_eq!(facts.emits[1].transport, Transport::TauriEvent);
        assert_eq!(facts.emits[1].name.as_str(), Some("b"));
        let names: Vec<Option<&str>> = facts.handlers.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, [Some("a"), Some("c")]);
    }

    #[test]
    fn listeners_and_emits_carry_their_targets() {
        use crate::facts::Value;
        use crate::transport::tauri::Target;
        let facts = facts(
            r#"
import { listen, emitTo } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { getCurrentWebviewWindow, WebviewWindow } from "@tauri-apps/api/webviewWindow";
const appWindow = getCurrentWebviewWindow();
listen("a", f);
listen("b", f, { target: "main" });
listen("c", f, { target: { kind: "Window", label: "main" } });
getCurrentWindow().listen("d", f);
appWindow.listen("e", f);
new WebviewWindow("editor", {}).listen("f", f);
async function later() {
  const found = await WebviewWindow.getByLabel("settings");
  found.once("g", f);
}
emitTo("main", "h");
emitTo({ kind: "WebviewWindow", label: "main" }, "i");
appWindow.emit("j");
listen("k", f, options);
"#,
        );
        let label = |target: &Target<Value>| match target {
            Target::AnyLabel(l)
            | Target::Window(l)
            | Target::Webview(l)
            | Target::WebviewWindow(l) => l.as_str().map(str::to_owned),
            _ => None,
        };
        let listens: Vec<(Option<&str>, &Target<Value>)> = facts
            .handlers
            .iter()
            .map(|h| (h.name.as_str(), &h.target))
            .collect();
        assert_eq!(listens.len(), 8, "{listens:?}");
        assert_eq!(listens[0].1, &Target::Any);
        assert!(matches!(listens[1].1, Target::AnyLabel(_)));
        assert!(matches!(listens[2].1, Target::Window(_)));
        assert_eq!(label(listens[2].1).as_deref(), Some("main"));
        // The current window's label is whichever window runs the code.
        assert_eq!(listens[3].1, &Target::Window(Value::Unknown));
        assert_eq!(listens[4].1, &Target::WebviewWindow(Value::Unknown));
        assert_eq!(label(listens[5].1).as_deref(), Some("editor"));
        assert!(matches!(listens[6].1, Target::WebviewWindow(_)));
        assert_eq!(label(listens[6].1).as_deref(), Some("settings"));
        // Options this file cannot read may name any target.
        assert_eq!(listens[7].1, &Target::Unknown);
        let emits: Vec<&Target<Value>> = facts.emits.iter().map(|e| &e.target).collect();
        assert!(matches!(emits[0], Target::AnyLabel(_)));
        assert!(matches!(emits[1], Target::WebviewWindow(_)));
        // An instance's `emit` is global.
        assert_eq!(emits[2], &Target::Any);
    }

    #[test]
    fn an_invoke_knows_its_channels_its_functions_and_its_promise() {
        use crate::facts::{InvokePromise, InvokeValueKind};
        let facts = facts(
            r#"
import { Channel, invoke } from "@tauri-apps/api/core";
import * as core from "@tauri-apps/api/core";
function onDone(path) {}
async function run() {
  const progress = new Channel();
  await invoke("a", { progress, done: onDone, log: (line) => {}, plain: 1 });
  invoke("b", { inline: new core.Channel((m) => {}) });
  invoke("c").then((x) => x).catch(() => {});
  invoke("d").then((x) => x);
  return invoke("e");
  progress.onmessage = (m) => {};
}
export const f = () => invoke("f");
const kept = invoke("g");
async function again() {
  const progress = new Channel();
  progress.onmessage = (m) => {};
  await invoke("h", { progress });
}
"#,
        );
        let promises: Vec<InvokePromise> = facts.tauri_invokes.iter().map(|i| i.promise).collect();
        assert_eq!(
            promises,
            [
                InvokePromise::Awaited,
                InvokePromise::Dropped,
                InvokePromise::Chained,
                InvokePromise::Dropped,
                InvokePromise::Returned,
                InvokePromise::Returned,
                InvokePromise::Kept,
                InvokePromise::Awaited,
            ]
        );
        // Two channels of one name: each invoke's is the declaration above it.
        let onmessage = |i: usize| match &facts.tauri_invokes[i].values[0].kind {
            InvokeValueKind::Channel { onmessage, .. } => *onmessage,
            InvokeValueKind::Function => None,
        };
        assert!(onmessage(0).is_some() && onmessage(7).is_some());
        assert_ne!(onmessage(0), onmessage(7));
        let values = &facts.tauri_invokes[0].values;
        let kinds: Vec<(&str, bool)> = values
            .iter()
            .map(|v| (v.key.as_str(), matches!(v.kind, InvokeValueKind::Function)))
            .collect();
        assert_eq!(kinds, [("progress", false), ("done", true), ("log", true)]);
        // The `onmessage` assigned after the invoke is still the channel's.
        assert!(matches!(
            &values[0].kind,
            InvokeValueKind::Channel { binding: Some(b), onmessage: Some(_) } if b == "progress"
        ));
        assert!(matches!(
            &facts.tauri_invokes[1].values[0].kind,
            InvokeValueKind::Channel {
                binding: None,
                onmessage: Some(_)
            }
        ));
    }

    #[test]
    fn other_listen_and_invoke_calls_are_not_tauris() {
        let facts = facts(
            r#"
import { listen } from "./bus";
listen("x", () => {});
invoke("y");
"#,
        );
        assert!(facts.emits.is_empty() && facts.handlers.is_empty());
    }

    #[test]
    fn an_effect_unlistens_through_the_resolved_function_only() {
        let expr = |effect: &str| format!("useEffect({effect});");
        // Parsed through the extractor: the leak shows as a context without cleanup.
        let leaks = |effect: &str| {
            let source = format!(
                "import {{ useEffect }} from \"react\";\nimport {{ listen }} from \"@tauri-apps/api/event\";\n{}\n",
                expr(effect)
            );
            let facts = facts(&source);
            matches!(
                facts.handlers[0].context,
                Some(crate::facts::ListenContext::Effect { cleanup: false, .. })
            )
        };
        assert!(leaks(
            "() => { const u = listen(\"e\", f); return () => u(); }"
        ));
        assert!(leaks("() => { listen(\"e\", f); }"));
        assert!(!leaks(
            "() => { const u = listen(\"e\", f); return () => { u.then((off) => off()); }; }"
        ));
    }
}
