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
use super::syntax::unwrap_expr;
use crate::facts::{
    Emit, Handler, InvokeValue, InvokeValueKind, ListenMethod, Origin, SocketRef, TauriInvoke,
    TypedSocket, Value,
};
use crate::transport::Transport;

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
            Some(args) if args.spread.is_none() => literal_keys(&args.expr),
            Some(_) => None,
        };
        let index = self.facts.emits.len() as u32;
        self.note_wrapped_emit(call, index);
        let values = match call.args.get(1) {
            Some(args) if args.spread.is_none() => self.invoke_values(&args.expr),
            _ => Vec::new(),
        };
        self.facts.tauri_invokes.push(TauriInvoke {
            call_start: self.span(call.span).start,
            promise: self.tauri.promise_of(call.span),
            values,
        });
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

/// The keys of an object literal (`{ noteId, body: text }`); `None` when a spread or a
/// computed key hides some, or when `expr` is no object literal.
pub(super) fn literal_keys(expr: &Expr) -> Option<Vec<String>> {
    let Expr::Object(object) = unwrap_expr(expr) else {
        return None;
    };
    object
        .props
        .iter()
        .map(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Shorthand(ident) => Some(ident.sym.as_str().to_owned()),
                Prop::KeyValue(kv) => match &kv.key {
                    PropName::Ident(ident) => Some(ident.sym.as_str().to_owned()),
                    PropName::Str(text) => Some(text.value.to_string_lossy().into_owned()),
                    _ => None,
                },
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
        .collect()
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
