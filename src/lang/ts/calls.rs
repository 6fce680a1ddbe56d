//! Calls as the walk meets them: [`Extractor::on_call`] sorts each call (React effects,
//! arrays of sockets, socket methods, wrappers) and hands a call on a socket to the site
//! builders of `sites.rs` by the method's name.

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::listeners::{effect_cleans_up, runs_once};
use super::syntax::{function_start, is_effect_hook, jsx_attr, prop_name, unwrap_expr};
use super::wrappers::is_project_specifier;
use crate::facts::{
    Callee as FnCallee, Connect, ContextValue, ListenContext, ListenMethod, NamespaceUse, Origin,
    PropCall, SocketCall, SocketRef, Value,
};

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

impl Extractor<'_> {
    pub(super) fn on_call(&mut self, call: &CallExpr) {
        self.nest_call(call);
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let callee = unwrap_expr(callee);
        if is_effect_hook(callee)
            && let Some(effect) = call.args.first()
            && let Some(lo) = function_start(&effect.expr)
        {
            let cleanup = effect_cleans_up(&effect.expr)
                || (self.names_tauri_api && super::tauri::effect_unlistens(&effect.expr));
            // An effect that sets and checks a flag (`if (onceRef.current) return;
            // onceRef.current = true;`) registers once, however often it runs.
            if !runs_once(&effect.expr) {
                self.contexts.insert(
                    lo,
                    ListenContext::Effect {
                        cleanup,
                        span: self.span(callee.span()),
                        mount_hook: false,
                    },
                );
            }
        }
        self.on_lifecycle_hook(call, callee);
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
                if let Some(
                    binding @ (Binding::Unknown | Binding::Data | Binding::Value(Value::Unknown)),
                ) = self.scopes.get_mut(&array.sym)
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
        // Without a callee nothing is recorded: the arguments of such calls (`require(..)`,
        // a global's) are not looked at.
        if !self.names_callee(callee) {
            return;
        }
        let args = SocketCall::args_of(
            (call.args.iter().enumerate())
                .filter(|(_, arg)| arg.spread.is_none())
                .filter_map(|(i, arg)| self.socket(&arg.expr).map(|s| (i as u32, s))),
        );
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
                    // The key is copied only for a socket (most values are none).
                    Prop::KeyValue(kv) => {
                        let socket = self.socket(&kv.value)?;
                        Some((prop_name(&kv.key)?, socket))
                    }
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
    pub(super) fn on_jsx_element(&mut self, element: &JSXOpeningElement) {
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

    /// [`Self::callee`] for a caller that keeps only local functions and imports of
    /// project files: nothing is copied for the others (`console.log`, `list.map`, a
    /// package's function: most calls), which would only be dropped.
    pub(super) fn project_callee(&self, callee: &Expr) -> Option<FnCallee> {
        let (binding, path) = match unwrap_expr(callee) {
            Expr::Ident(ident) => (self.lookup(&ident.sym)?, None),
            Expr::Member(member) => {
                let (MemberProp::Ident(prop), Expr::Ident(obj)) =
                    (&member.prop, unwrap_expr(&member.obj))
                else {
                    return None;
                };
                (self.lookup(&obj.sym)?, Some(&prop.sym))
            }
            _ => return None,
        };
        match (binding, path) {
            (Binding::Func(id), None) => Some(FnCallee::Local(*id)),
            (Binding::Import { specifier, name }, path) if is_project_specifier(specifier) => {
                Some(FnCallee::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path: path
                        .map(|prop| vec![prop.as_str().to_owned()])
                        .unwrap_or_default(),
                })
            }
            _ => None,
        }
    }

    /// Whether [`Self::callee`] names `callee`, without copying anything.
    fn names_callee(&self, callee: &Expr) -> bool {
        match unwrap_expr(callee) {
            Expr::Ident(ident) => matches!(
                self.lookup(&ident.sym),
                Some(Binding::Func(_) | Binding::Import { .. })
            ),
            Expr::Member(member) => matches!(member.prop, MemberProp::Ident(_)),
            _ => false,
        }
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
}

impl Extractor<'_> {
    /// `onMounted(cb)` / `onMount(cb)`: listeners added in `cb` are added on every mount,
    /// like a React effect's, and removed when the hook returns a cleanup that removes
    /// them (Svelte) or when the same component (the function the hook is called in, or
    /// the module of a `<script setup>`) has an unmount hook that does.
    pub(super) fn on_lifecycle_hook(&mut self, call: &CallExpr, callee: &Expr) {
        let Expr::Ident(name) = callee else {
            return;
        };
        let Some(hook) = super::listeners::lifecycle(&name.sym) else {
            return;
        };
        // Imported from the framework, or a global that auto-import provides; a function
        // of the project with that name is something else.
        match self.lookup(&name.sym) {
            None => {}
            Some(Binding::Import { specifier, .. })
                if matches!(
                    specifier.as_str(),
                    "vue" | "svelte" | "@vue/runtime-core" | "@vue/composition-api"
                ) => {}
            Some(_) => return,
        }
        let Some(callback) = call.args.first().filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let Some(lo) = function_start(&callback.expr) else {
            return;
        };
        let component = self.current_function();
        match hook {
            super::listeners::Lifecycle::Mount { returns_cleanup } => {
                let cleanup = returns_cleanup
                    && (super::listeners::effect_cleans_up(&callback.expr)
                        || (self.names_tauri_api
                            && super::tauri::effect_unlistens(&callback.expr)));
                let span = self.span(callee.span());
                self.contexts.insert(
                    lo,
                    ListenContext::Effect {
                        cleanup,
                        span,
                        mount_hook: true,
                    },
                );
                self.mount_hooks.push((component, span));
            }
            super::listeners::Lifecycle::Unmount => {
                let promises: Vec<&str> = (self.listen_promises.iter())
                    .filter(|(function, _)| *function == component)
                    .map(|(_, name)| name.as_str())
                    .collect();
                if super::listeners::unmount_removes(&callback.expr, &promises) {
                    // `onMounted(async () => { const off = await listen(..);
                    // onUnmounted(() => off()) })`: registered from the mount hook, it
                    // undoes that hook's listeners.
                    match self.listen_context() {
                        Some(ListenContext::Effect {
                            span,
                            mount_hook: true,
                            ..
                        }) => self.unmounted_hooks.push(span),
                        _ => self.unmount_cleanups.push(component),
                    }
                }
            }
        }
    }

    /// The listeners of a mount hook whose component removes listeners on unmount are
    /// cleaned up; known only once the whole file is read (the unmount hook usually
    /// comes after).
    pub(super) fn settle_unmount_cleanups(&mut self) {
        if self.unmount_cleanups.is_empty() && self.unmounted_hooks.is_empty() {
            return;
        }
        let mut cleaned: Vec<crate::facts::Span> = self
            .mount_hooks
            .iter()
            .filter(|(component, _)| self.unmount_cleanups.contains(component))
            .map(|(_, span)| *span)
            .collect();
        cleaned.extend_from_slice(&self.unmounted_hooks);
        for handler in &mut self.facts.handlers {
            if let Some(ListenContext::Effect { cleanup, span, .. }) = &mut handler.context
                && cleaned.contains(span)
            {
                *cleanup = true;
            }
        }
    }
}
