//! NestJS gateways: a `@WebSocketGateway()` class is a Socket.IO server namespace, its
//! `@SubscribeMessage("ev")` methods are handlers of that namespace, and its
//! `@WebSocketServer()` field and `@ConnectedSocket()` / positional `client` parameters
//! are the server and the connected socket. They become the same facts as `io.of(ns)
//! .on("connection", socket => socket.on("ev", ...))`, so the linker and every rule
//! treat them as plain Socket.IO sites.
//!
//! What a handler's reply is follows `@nestjs/platform-socket.io`'s `IoAdapter`: the
//! awaited return value is sent as the ack, except `undefined`/`null` (nothing) and an
//! object with a truthy `event` field (a `WsResponse`, emitted as that event); a thrown
//! exception becomes an `exception` event. With an `@Ack()` parameter the method answers
//! itself. Undecorated parameters are positional: `(client, data)`; a third one receives
//! no ack (`DEFAULT_CALLBACK_METADATA` binds the socket at 0 and the payload at 1 only).

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::flow::{self, LocalFn};
use super::syntax::{prop_name_key, unwrap_expr};
use crate::facts::{
    self, Ack, Emit, EmitMethod, Handler, ListenMethod, NamespaceUse, NestReply, NsExpr, Op,
    Origin, Params, SocketRef,
};

const PACKAGE: &str = "@nestjs/websockets";

/// A `@WebSocketGateway(...)` class.
pub(super) struct Gateway {
    /// The namespace's server (`this.server`): `io.of(ns)`, or `io` for the main one.
    server: SocketRef,
    /// The `@WebSocketGateway(...)` decorator: where the namespace is defined.
    span: facts::Span,
}

impl Gateway {
    /// A socket connected to the gateway's namespace.
    fn client(&self) -> SocketRef {
        let mut socket = self.server.clone();
        socket.ops.push(Op::Connection);
        socket
    }
}

/// A decorator `@Name(...)`, `@Name` or `@ns.Name(...)`.
struct DecoratorCall<'d> {
    /// `ns` of `@ns.Name(...)`: a namespace import.
    namespace: Option<&'d str>,
    name: &'d str,
    args: &'d [ExprOrSpread],
}

fn decorator_call(decorator: &Decorator) -> Option<DecoratorCall<'_>> {
    let (callee, args): (&Expr, &[ExprOrSpread]) = match unwrap_expr(&decorator.expr) {
        Expr::Call(call) => match &call.callee {
            Callee::Expr(callee) => (unwrap_expr(callee), &call.args),
            _ => return None,
        },
        expr => (expr, &[]),
    };
    match callee {
        Expr::Ident(ident) => Some(DecoratorCall {
            namespace: None,
            name: &ident.sym,
            args,
        }),
        Expr::Member(member) => match (unwrap_expr(&member.obj), &member.prop) {
            (Expr::Ident(namespace), MemberProp::Ident(name)) => Some(DecoratorCall {
                namespace: Some(&namespace.sym),
                name: &name.sym,
                args,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// The `@SubscribeMessage(...)` decorator of a method.
fn span_of_subscribe(extractor: &Extractor, function: &Function) -> facts::Span {
    function
        .decorators
        .iter()
        .find(|d| decorator_call(d).is_some_and(|call| call.name == "SubscribeMessage"))
        .map_or(extractor.span(function.span), |d| extractor.span(d.span))
}

/// The class names of a literal `providers` array (`[ChatGateway, { provide: X,
/// useClass: ChatGateway }]`); `None` when it may hold others (a spread, a call).
fn provider_names(value: &Expr) -> Option<Vec<String>> {
    let Expr::Array(array) = unwrap_expr(value) else {
        return None;
    };
    let mut names = Vec::new();
    for element in array.elems.iter().flatten() {
        if element.spread.is_some() {
            return None;
        }
        match unwrap_expr(&element.expr) {
            Expr::Ident(ident) => names.push(ident.sym.as_str().to_owned()),
            // `{ provide: ChatGateway, useClass: OtherGateway }`: every class named.
            Expr::Object(object) => {
                for prop in &object.props {
                    if let PropOrSpread::Prop(prop) = prop
                        && let Prop::KeyValue(kv) = &**prop
                        && let Expr::Ident(ident) = unwrap_expr(&kv.value)
                    {
                        names.push(ident.sym.as_str().to_owned());
                    }
                }
            }
            _ => return None,
        }
    }
    Some(names)
}

/// How a handler parameter is bound.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ParamRole {
    Socket,
    Ack,
    /// `@MessageBody()`, another decorator, or a positional payload.
    Other,
    /// Undecorated where NestJS binds nothing to it (see the module comment).
    Unbound,
}

impl Extractor<'_> {
    /// Whether a decorator is `name` imported from `package`: `import { name }` or
    /// `import * as ns` (`@ns.name(...)`).
    fn is_imported(&self, call: &DecoratorCall, package: &str, name: &str) -> bool {
        if call.name != name {
            return false;
        }
        let (local, imported) = match call.namespace {
            Some(namespace) => (namespace, "*"),
            None => (call.name, name),
        };
        matches!(self.lookup(local), Some(Binding::Import { specifier, name: bound })
            if specifier == package && bound == imported)
    }

    /// The decorator `@name(...)` from `@nestjs/websockets` among `decorators`: its
    /// arguments and where it is.
    fn nest_decorator_at<'d>(
        &self,
        decorators: &'d [Decorator],
        name: &str,
    ) -> Option<(&'d [ExprOrSpread], facts::Span)> {
        decorators.iter().find_map(|decorator| {
            let call = decorator_call(decorator)?;
            self.is_imported(&call, PACKAGE, name)
                .then(|| (call.args, self.span(decorator.span)))
        })
    }

    fn nest_decorator<'d>(
        &self,
        decorators: &'d [Decorator],
        name: &str,
    ) -> Option<&'d [ExprOrSpread]> {
        self.nest_decorator_at(decorators, name)
            .map(|(args, _)| args)
    }

    /// `app.useGlobalInterceptors(...)` / `app.useGlobalFilters(...)`.
    pub(super) fn nest_call(&mut self, call: &CallExpr) {
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        if let Expr::Member(member) = unwrap_expr(callee)
            && let MemberProp::Ident(method) = &member.prop
        {
            match &*method.sym {
                "useGlobalInterceptors" => self.facts.nest.global_interceptors = true,
                "useGlobalFilters" => self.facts.nest.global_filters = true,
                _ => {}
            }
        }
    }

    /// A decorator `@name(...)` imported from `@nestjs/common`.
    fn nest_common_decorator(&self, decorators: &[Decorator], name: &str) -> bool {
        decorators.iter().any(|decorator| {
            decorator_call(decorator)
                .is_some_and(|call| self.is_imported(&call, "@nestjs/common", name))
        })
    }

    /// The gateway a class declares, when it is one; a `@Module` class's providers
    /// are recorded on the way.
    pub(super) fn nest_gateway(&mut self, class: &Class) -> Option<Gateway> {
        self.nest_module(class);
        self.nest_gateway_of(class)
    }

    /// `@Module({ providers: [A, B] })` from `@nestjs/common`.
    fn nest_module(&mut self, class: &Class) {
        if self.declarations_only() {
            return;
        }
        let Some(args) = class.decorators.iter().find_map(|decorator| {
            let call = decorator_call(decorator)?;
            self.is_imported(&call, "@nestjs/common", "Module")
                .then_some(call.args)
        }) else {
            return;
        };
        let providers = match args.first().map(|arg| unwrap_expr(&arg.expr)) {
            Some(Expr::Object(object)) => {
                let list = object.props.iter().find_map(|prop| match prop {
                    PropOrSpread::Prop(prop) => match &**prop {
                        Prop::KeyValue(kv)
                            if prop_name_key(&kv.key).as_deref() == Some("providers") =>
                        {
                            Some(Some(&*kv.value))
                        }
                        Prop::Shorthand(ident) if &*ident.sym == "providers" => Some(None),
                        _ => None,
                    },
                    // `...shared`: may hold the providers.
                    PropOrSpread::Spread(_) => Some(None),
                });
                match list {
                    // No `providers` key: provides nothing.
                    None => Some(Vec::new()),
                    Some(Some(value)) => provider_names(value),
                    Some(None) => None,
                }
            }
            None => Some(Vec::new()),
            _ => None,
        };
        self.facts
            .nest
            .modules
            .push(facts::NestModule { providers });
    }

    fn nest_gateway_of(&self, class: &Class) -> Option<Gateway> {
        let (args, span) = self.nest_decorator_at(&class.decorators, "WebSocketGateway")?;
        // A gateway written for the `ws` platform (`WsAdapter`) speaks plain WebSocket.
        if self
            .facts
            .imports
            .iter()
            .any(|specifier| matches!(specifier.as_str(), "ws" | "@nestjs/platform-ws"))
        {
            return None;
        }
        // `@WebSocketGateway(port?, options?)`: the options are the object argument.
        let namespace = args.iter().find_map(|arg| match unwrap_expr(&arg.expr) {
            Expr::Object(object) => object.props.iter().find_map(|prop| match prop {
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::KeyValue(kv)
                        if prop_name_key(&kv.key).as_deref() == Some("namespace") =>
                    {
                        Some(&*kv.value)
                    }
                    _ => None,
                },
                PropOrSpread::Spread(_) => None,
            }),
            _ => None,
        });
        let ops = match namespace.map(unwrap_expr) {
            None => Vec::new(),
            Some(Expr::Lit(Lit::Regex(_))) => vec![Op::Of(NsExpr::Dynamic)],
            // The linker adds the leading `/` NestJS adds.
            Some(expr) => vec![Op::Of(NsExpr::Name(self.value(expr)))],
        };
        Some(Gateway {
            server: SocketRef {
                origin: Origin::Server,
                ops,
            },
            span,
        })
    }

    /// Before the class body is walked: `this.server` is the gateway's server, and the
    /// socket parameters of its methods are sockets of its namespace.
    pub(super) fn nest_prepare(
        &mut self,
        class: &Class,
        gateway: &Gateway,
        fields: &mut rustc_hash::FxHashMap<String, SocketRef>,
    ) {
        for member in &class.body {
            match member {
                ClassMember::ClassProp(prop)
                    if self
                        .nest_decorator(&prop.decorators, "WebSocketServer")
                        .is_some() =>
                {
                    if let Some(name) = prop_name_key(&prop.key) {
                        fields.insert(name, gateway.server.clone());
                    }
                }
                ClassMember::Method(method) => {
                    let function = &method.function;
                    let lo = function.span.lo.0;
                    let name = prop_name_key(&method.key);
                    if name.as_deref() == Some("afterInit") {
                        self.hint_param(lo, 0, gateway.server.clone());
                        continue;
                    }
                    let handler = self
                        .nest_decorator(&function.decorators, "SubscribeMessage")
                        .is_some();
                    let lifecycle = matches!(
                        name.as_deref(),
                        Some("handleConnection" | "handleDisconnect")
                    );
                    if !(handler || lifecycle) {
                        continue;
                    }
                    for (index, role) in self.param_roles(function).into_iter().enumerate() {
                        if role == ParamRole::Socket {
                            self.hint_param(lo, index as u32, gateway.client());
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// What each parameter of a handler method receives.
    fn param_roles(&self, function: &Function) -> Vec<ParamRole> {
        let decorated = function.params.iter().any(|p| !p.decorators.is_empty());
        function
            .params
            .iter()
            .enumerate()
            .map(|(index, param)| {
                let named = |name| self.nest_decorator(&param.decorators, name).is_some();
                if named("ConnectedSocket") {
                    ParamRole::Socket
                } else if named("Ack") {
                    ParamRole::Ack
                } else if !param.decorators.is_empty() {
                    ParamRole::Other
                } else if decorated {
                    // With decorators, NestJS fills only the decorated parameters.
                    ParamRole::Unbound
                } else {
                    match index {
                        0 => ParamRole::Socket,
                        1 => ParamRole::Other,
                        _ => ParamRole::Unbound,
                    }
                }
            })
            .collect()
    }

    /// After the class body is walked: a handler site per `@SubscribeMessage` method,
    /// and an emit per `WsResponse` it returns.
    pub(super) fn nest_handlers(&mut self, class: &Class, gateway: &Gateway, name: Option<String>) {
        if self.declarations_only() {
            return;
        }
        let class_name = name.clone();
        let handlers = class
            .body
            .iter()
            .filter(|member| {
                matches!(member, ClassMember::Method(method)
                    if self.nest_decorator(&method.function.decorators, "SubscribeMessage").is_some())
            })
            .count();
        self.facts.nest.gateways.push(facts::NestGateway {
            name,
            span: gateway.span,
            handlers: u32::try_from(handlers).unwrap_or(u32::MAX),
        });
        if !gateway.server.ops.is_empty() {
            self.facts.namespaces.push(NamespaceUse {
                span: gateway.span,
                namespace: gateway.server.clone(),
            });
        }
        for member in &class.body {
            let ClassMember::Method(method) = member else {
                continue;
            };
            let function = &method.function;
            let Some(args) = self.nest_decorator(&function.decorators, "SubscribeMessage") else {
                continue;
            };
            let Some(first) = args.first() else {
                continue;
            };
            let name = self.value(&first.expr);
            let name_span = self.span(first.expr.span());
            let name_is_literal = matches!(&*first.expr, Expr::Lit(Lit::Str(_)));
            let roles = self.param_roles(function);
            let local = LocalFn::of_function(function, self.len);
            // `@UseInterceptors(...)` / `@UseFilters(...)` on the class or the method.
            let enhanced = |name: &str| {
                [&class.decorators, &function.decorators]
                    .iter()
                    .any(|decorators| self.nest_common_decorator(decorators, name))
            };
            let (interceptors, filters) = (enhanced("UseInterceptors"), enhanced("UseFilters"));
            let ack = local
                .as_ref()
                .and_then(|local| self.nest_ack(function, local, &roles))
                .map(|ack| ack.through_nest(interceptors, filters));
            if let Some(local) = &local {
                self.nest_unbound_acks(
                    function,
                    local,
                    &roles,
                    span_of_subscribe(self, function),
                    &name,
                );
            }
            let span = span_of_subscribe(self, function);
            self.facts.handlers.push(Handler {
                // Socket.IO has no event targets: every site is aimed at all.
                target: crate::transport::tauri::Target::Any,
                transport: crate::transport::Transport::SocketIo,
                span,
                name_span,
                receiver: gateway.client(),
                listener_elsewhere: None,
                name,
                name_is_literal,
                method: ListenMethod::On,
                // Several wire arguments arrive as one array: any count is accepted.
                params: Some(Params {
                    count: 1,
                    rest: false,
                }),
                logging_only: false,
                ack,
                after_await: None,
                emitted_after: Vec::new(),
                matches_own_id: false,
                context: None,
                shape: None,
                // `ChatGateway.send`: what `trace` and `graph` call the handler.
                listener_name: prop_name_key(&method.key).map(|method| match &class_name {
                    Some(class) => format!("{class}.{method}"),
                    None => method,
                }),
                frame: None,
                conditional: false,
                data_type: None,
            });
            if let Some(body) = &function.body {
                self.nest_ws_responses(&body.stmts, gateway);
            }
        }
    }

    /// Parameters NestJS binds nothing to that the body calls as a function: the
    /// author expects the ack there (see `nest-ack-parameter`).
    fn nest_unbound_acks(
        &mut self,
        function: &Function,
        local: &LocalFn,
        roles: &[ParamRole],
        handler: facts::Span,
        event: &facts::Value,
    ) {
        for (index, role) in roles.iter().enumerate() {
            if *role != ParamRole::Unbound {
                continue;
            }
            let Some(Pat::Ident(ident)) = function.params.get(index).map(|p| &p.pat) else {
                continue;
            };
            let Some(summary) = flow::summarize(
                &local.params,
                index,
                local.body,
                &self.locals,
                &|callee| self.callee(callee),
                self.len,
            ) else {
                continue;
            };
            if !summary.direct || summary.direct_spans.is_empty() && summary.call_spans.is_empty() {
                continue;
            }
            // Undecorated, the parameters before it are the socket and the payload.
            let positional = if function.params.iter().all(|p| p.decorators.is_empty()) {
                function
                    .params
                    .iter()
                    .take(2)
                    .enumerate()
                    .map(|(i, p)| {
                        let role = if i == 0 {
                            "ConnectedSocket"
                        } else {
                            "MessageBody"
                        };
                        (self.span(p.span).start, role.to_owned())
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let calls = if summary.direct_spans.is_empty() {
                summary.call_spans.clone()
            } else {
                summary.direct_spans.clone()
            };
            self.facts.nest.unbound_acks.push(facts::UnboundAck {
                handler,
                event: event.clone(),
                param: self.span(function.params[index].span),
                name: ident.id.sym.as_str().to_owned(),
                index: index as u32,
                calls,
                positional,
            });
        }
    }

    /// How a handler answers: its `@Ack()` parameter, else its return value.
    fn nest_ack(&self, function: &Function, local: &LocalFn, roles: &[ParamRole]) -> Option<Ack> {
        if let Some(index) = roles.iter().position(|r| *r == ParamRole::Ack) {
            let Pat::Ident(ident) = &function.params.get(index)?.pat else {
                return None;
            };
            let summary = flow::summarize(
                &local.params,
                index,
                local.body,
                &self.locals,
                &|callee| self.callee(callee),
                self.len,
            )?;
            return Some(Ack {
                index: index as u32,
                param_span: self.span(ident.id.span),
                name: ident.id.sym.as_str().to_owned(),
                summary,
                nest: Some(NestReply::AckParam),
            });
        }
        // An Observable is flattened by NestJS: what it emits is not visible here.
        let observable = function.return_type.as_deref().is_some_and(|ann| {
            matches!(&*ann.type_ann, TsType::TsTypeRef(r)
                if matches!(&r.type_name, TsEntityName::Ident(i) if &*i.sym == "Observable"))
        });
        let summary = if observable {
            facts::Summary {
                calls: facts::Calls::Unknown,
                escapes: true,
                ..facts::Summary::default()
            }
        } else {
            flow::summarize_returns(
                local.body,
                &self.locals,
                &|callee| self.callee(callee),
                self.len,
            )
        };
        Some(Ack {
            index: roles.len() as u32,
            param_span: self.span(function.span),
            name: "return".to_owned(),
            summary,
            nest: Some(NestReply::Return),
        })
    }

    /// `return { event: "x", data }` in a handler body (not in nested functions): an
    /// emit of `x` to the client.
    fn nest_ws_responses(&mut self, stmts: &[Stmt], gateway: &Gateway) {
        // Statements are walked by hand: a `return` inside a callback is never reached.
        struct Returns<'s> {
            found: Vec<&'s ObjectLit>,
        }
        impl<'s> Returns<'s> {
            fn stmt(&mut self, stmt: &'s Stmt) {
                match stmt {
                    Stmt::Return(ret) => {
                        if let Some(arg) = &ret.arg
                            && let Expr::Object(object) = unwrap_expr(arg)
                        {
                            self.found.push(object);
                        }
                    }
                    Stmt::Block(block) => block.stmts.iter().for_each(|s| self.stmt(s)),
                    Stmt::If(if_stmt) => {
                        self.stmt(&if_stmt.cons);
                        if let Some(alt) = &if_stmt.alt {
                            self.stmt(alt);
                        }
                    }
                    Stmt::Try(try_stmt) => {
                        try_stmt.block.stmts.iter().for_each(|s| self.stmt(s));
                        if let Some(handler) = &try_stmt.handler {
                            handler.body.stmts.iter().for_each(|s| self.stmt(s));
                        }
                    }
                    Stmt::Switch(switch) => switch
                        .cases
                        .iter()
                        .flat_map(|case| &case.cons)
                        .for_each(|s| self.stmt(s)),
                    Stmt::Labeled(labeled) => self.stmt(&labeled.body),
                    Stmt::For(f) => self.stmt(&f.body),
                    Stmt::ForOf(f) => self.stmt(&f.body),
                    Stmt::ForIn(f) => self.stmt(&f.body),
                    Stmt::While(w) => self.stmt(&w.body),
                    Stmt::DoWhile(d) => self.stmt(&d.body),
                    _ => {}
                }
            }
        }
        let mut returns = Returns { found: Vec::new() };
        stmts.iter().for_each(|s| returns.stmt(s));
        for object in returns.found {
            let event = object.props.iter().find_map(|prop| match prop {
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::KeyValue(kv)
                        if matches!(&kv.key, PropName::Ident(k) if &*k.sym == "event") =>
                    {
                        Some(&*kv.value)
                    }
                    _ => None,
                },
                PropOrSpread::Spread(_) => None,
            });
            let Some(event) = event else {
                continue;
            };
            let name = self.value(event);
            if !name.is_known() {
                continue;
            }
            let has_data = object.props.iter().any(|prop| {
                matches!(prop, PropOrSpread::Prop(p) if matches!(&**p,
                    Prop::KeyValue(kv) if matches!(&kv.key, PropName::Ident(k) if &*k.sym == "data"))
                    || matches!(&**p, Prop::Shorthand(i) if &*i.sym == "data"))
            });
            self.facts.emits.push(Emit {
                // Socket.IO has no event targets: every site is aimed at all.
                target: crate::transport::tauri::Target::Any,
                transport: crate::transport::Transport::SocketIo,
                span: self.span(object.span),
                name_span: self.span(event.span()),
                receiver: gateway.client(),
                name_is_literal: matches!(unwrap_expr(event), Expr::Lit(Lit::Str(_))),
                name,
                method: EmitMethod::Emit,
                args: Some(u32::from(has_data)),
                ack_callback: false,
                ack_known: true,
                awaited: false,
                io_in_scope: None,
                dropped: false,
                payload_keys: None,
                awaited_emit: None,
                reply_to: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;
    use crate::facts::{Calls, MissingKind, NestReply};

    /// The reply verdict and the missing kinds of the one handler of a gateway whose
    /// `@SubscribeMessage("e")` method is `method`.
    fn reply(method: &str) -> (Option<NestReply>, Calls, Vec<MissingKind>) {
        let source = format!(
            "import {{ Ack, MessageBody, SubscribeMessage, WebSocketGateway }} from \"@nestjs/websockets\";\n\
             @WebSocketGateway()\nexport class G {{\n  @SubscribeMessage(\"e\")\n  {method}\n}}\n"
        );
        let facts = crate::lang::ts::extract(&source, FileKind::Ts, &[], None);
        let ack = facts.handlers[0]
            .ack
            .clone()
            .expect("a NestJS handler always has a reply");
        let kinds = ack.summary.missing.iter().map(|m| m.kind).collect();
        (ack.nest, ack.summary.calls, kinds)
    }

    #[test]
    fn a_returned_value_is_the_ack_and_undefined_a_ws_response_or_a_throw_are_not() {
        use MissingKind::*;
        assert_eq!(
            reply("m(c, d) { return d; }"),
            (Some(NestReply::Return), Calls::All, vec![])
        );
        assert_eq!(
            reply("m(c, d) { if (!d) return; return 1; }").2,
            vec![Return]
        );
        assert_eq!(
            reply("m(c, d) { if (!d) return null; return 1; }").2,
            vec![Return]
        );
        assert_eq!(reply("m(c, d) { if (d) return 1; }").2, vec![End]);
        assert_eq!(
            reply("m(c, d) { if (d) return 1; return { event: \"x\", data: d }; }").2,
            vec![WsResponse]
        );
        // A falsy `event` is no `WsResponse`: the object is the ack.
        assert_eq!(
            reply("m(c, d) { return { event: \"\", data: d }; }").1,
            Calls::All
        );
        assert_eq!(
            reply("m(c, d) { if (!d) throw new Error(\"no\"); return 1; }").2,
            vec![Throw]
        );
        assert_eq!(reply("m(c, d) { console.log(d); }").1, Calls::Never);
        // A callback's `return` answers the callback, not the handler.
        assert_eq!(
            reply("m(c, d) { [d].map((x) => { return x; }); }").1,
            Calls::Never
        );
    }

    #[test]
    fn an_observable_reply_is_not_judged_and_an_ack_parameter_is_judged_as_an_ack() {
        assert_eq!(
            reply("m(): Observable<number> { return of(1); }").1,
            Calls::Unknown
        );
        let (nest, calls, _) = reply(
            "m(@MessageBody() d: string, @Ack() ack: (r: unknown) => void) { if (d) ack(1); }",
        );
        assert_eq!((nest, calls), (Some(NestReply::AckParam), Calls::Some));
    }

    #[test]
    fn a_namespace_import_of_nestjs_websockets_is_recognised() {
        let source = "import * as WS from '@nestjs/websockets';\n\
             @WS.WebSocketGateway({ namespace: '/ingame' })\n\
             export class GameGateway {\n\
               @WS.SubscribeMessage('keypress')\n\
               press(@WS.ConnectedSocket() socket: any, @WS.MessageBody() key: number) { socket.emit('pressed', key); }\n\
             }\n";
        let facts = crate::lang::ts::extract(source, FileKind::Ts, &[], None);
        let names: Vec<_> = facts.handlers.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, [Some("keypress")]);
        let emits: Vec<_> = facts.emits.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(emits, [Some("pressed")]);
        assert_eq!(facts.nest.gateways.len(), 1);
    }

    #[test]
    fn a_decorator_of_another_package_is_no_gateway() {
        let source = "import { WebSocketGateway, SubscribeMessage } from './my-decorators';\n\
             @WebSocketGateway()\nexport class G { @SubscribeMessage('x') m() { return 1; } }\n";
        let facts = crate::lang::ts::extract(source, FileKind::Ts, &[], None);
        assert!(facts.handlers.is_empty() && facts.nest.gateways.is_empty());
    }

    #[test]
    fn a_gateway_of_the_ws_platform_is_no_socket_io_site() {
        let source = "import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';\n\
             import { WebSocket } from 'ws';\n\
             @WebSocketGateway(8080)\nexport class G { @SubscribeMessage('x') m(client: WebSocket) { return { event: 'y', data: 1 }; } }\n";
        let facts = crate::lang::ts::extract(source, FileKind::Ts, &[], None);
        assert!(facts.handlers.is_empty() && facts.emits.is_empty());
    }
}
