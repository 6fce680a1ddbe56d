//! The site builders: emits, listeners, middleware and removals on a socket, with what
//! the walk knows around them (awaits, the listener being walked, acks, promises).

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::flow::LocalFn;
use super::listeners::{
    matches_own_id, mentions_any, once_blocks, only_logs, removes_own_event, runs_once,
};
use super::syntax::{call_receiver, function_start, object_keys, unwrap_expr};
use crate::facts::{
    self, EmitMethod, Handler, ListenContext, ListenMethod, Middleware, Op, Removal, SocketCall,
    SocketRef, Value,
};

impl Extractor<'_> {
    pub(super) fn on_emit(
        &mut self,
        call: &CallExpr,
        receiver: SocketRef,
        method: &str,
        member: &MemberExpr,
    ) {
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
            // Socket.IO has no event targets: every site is aimed at all.
            target: crate::transport::tauri::Target::Any,
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

    pub(super) fn on_listen(&mut self, call: &CallExpr, receiver: SocketRef, method: ListenMethod) {
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
            // Socket.IO has no event targets: every site is aimed at all.
            target: crate::transport::tauri::Target::Any,
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

    pub(super) fn on_middleware(&mut self, call: &CallExpr, receiver: SocketRef) {
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

    pub(super) fn on_removal(&mut self, call: &CallExpr, receiver: SocketRef, remove_all: bool) {
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
    pub(super) fn hint_listener(&mut self, listener: &Expr, socket: SocketRef, index: u32) {
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
}
