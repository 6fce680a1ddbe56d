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
use super::syntax::{object_keys, unwrap_expr};
use crate::facts::{
    Emit, Handler, ListenMethod, NameShape, NameTest, Origin, SocketRef, TypedSocket, Value,
    WrappedSite, Wrapper,
};
use crate::transport::Transport;

/// The Tauri JS API's package, and its modules (`@tauri-apps/api/event`).
const API: &str = "@tauri-apps/api";

/// The functions that return the current window/webview, whose `listen`/`emit` methods
/// are the instance forms.
const CURRENT: [&str; 3] = [
    "getCurrentWindow",
    "getCurrentWebview",
    "getCurrentWebviewWindow",
];

/// What a call of the Tauri API does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Call {
    Invoke,
    Emit,
    EmitTo,
    Listen(ListenMethod),
}

impl Call {
    fn of(module: &str, function: &str) -> Option<Call> {
        match (module, function) {
            ("core" | "tauri", "invoke") => Some(Call::Invoke),
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
    memchr::memmem::find(text.as_bytes(), API.as_bytes()).is_some()
}

/// `core` for `@tauri-apps/api/core`; `""` for the package itself; `None` for any
/// other module.
fn api_module(specifier: &str) -> Option<&str> {
    let rest = specifier.strip_prefix(API)?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix('/')
}

impl Extractor<'_> {
    /// Records `call` when it is a call of the Tauri API; says whether it was.
    pub(super) fn on_tauri_call(&mut self, call: &CallExpr, callee: &Expr) -> bool {
        if !self.names_tauri_api {
            return false;
        }
        let Some(kind) = self.tauri_call(callee) else {
            return false;
        };
        match kind {
            Call::Invoke => self.on_invoke(call),
            Call::Emit => self.on_tauri_emit(call, 0),
            Call::EmitTo => self.on_tauri_emit(call, 1),
            Call::Listen(method) => self.on_tauri_listen(call, method),
        }
        true
    }

    fn tauri_call(&self, callee: &Expr) -> Option<Call> {
        match unwrap_expr(callee) {
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
                    // `getCurrentWebviewWindow().listen(..)`.
                    Expr::Call(inner) => {
                        let Callee::Expr(inner) = &inner.callee else {
                            return None;
                        };
                        let Expr::Ident(function) = unwrap_expr(inner) else {
                            return None;
                        };
                        match self.lookup(&function.sym)? {
                            Binding::Import { specifier, name }
                                if api_module(specifier).is_some()
                                    && CURRENT.contains(&name.as_str()) =>
                            {
                                Call::of_instance(method)
                            }
                            _ => None,
                        }
                    }
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
        let emit = Emit::plain(
            Transport::TauriCommand,
            self.span(call.span),
            self.span(first.expr.span()),
            self.value(&first.expr),
            matches!(unwrap_expr(&first.expr), Expr::Lit(Lit::Str(_))),
            webview(),
            keys,
        );
        self.facts.emits.push(emit);
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

    /// `emit(event, payload?)`, `emitTo(target, event, payload?)`: the name is argument
    /// `at`.
    fn on_tauri_emit(&mut self, call: &CallExpr, at: usize) {
        let Some(name) = call.args.get(at).filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let emit = Emit::plain(
            Transport::TauriEvent,
            self.span(call.span),
            self.span(name.expr.span()),
            self.value(&name.expr),
            matches!(unwrap_expr(&name.expr), Expr::Lit(Lit::Str(_))),
            webview(),
            None,
        );
        self.facts.emits.push(emit);
    }

    fn on_tauri_listen(&mut self, call: &CallExpr, method: ListenMethod) {
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
            && let Expr::Call(call) = unwrap_expr(init)
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
