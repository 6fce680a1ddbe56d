//! socketioxide, the Rust Socket.IO server: namespaces (`io.ns`), handlers
//! (`socket.on`), extractors, acks (`AckSender`) and emits.

use syn::{Expr, ExprMethodCall, Pat, Type};

use super::extract::{Extractor, Listener};
use super::flow::{self, LocalFn};
use super::syntax::{strip, strip_pat, type_args};
use crate::facts::{
    Ack, EmitMethod, Handler, ListenMethod, NamespaceUse, NsExpr, Op, Params, SOCKET_EXTRACTOR,
    SocketRef,
};

/// The socket an operator makes of `receiver`: `to`, `within`, `broadcast()`, `of(..)`.
pub(super) fn chain(
    ex: &Extractor<'_>,
    receiver: SocketRef,
    method: &str,
    call: &ExprMethodCall,
) -> Option<SocketRef> {
    let op = match method {
        "to" | "except" => Op::Rooms,
        "within" => Op::Within,
        "broadcast" => Op::Broadcast,
        "local" | "volatile" => Op::Flag,
        "timeout" => Op::Timeout,
        "of" => Op::Of(NsExpr::Name(ex.value(call.args.first()?))),
        _ => return None,
    };
    Some(with_op(receiver, op))
}

/// A method called on a socketioxide value.
pub(super) fn on_method<'a>(
    ex: &mut Extractor<'a>,
    call: &'a ExprMethodCall,
    receiver: SocketRef,
    method: &str,
) {
    match method {
        "emit" => emit(ex, call, receiver, false),
        "emit_with_ack" => emit(ex, call, receiver, true),
        "on" => on(ex, call, receiver),
        "on_fallback" => fallback(ex, call, receiver),
        "on_disconnect" => {
            if let Some(listener) = call.args.first().and_then(|h| ex.listener(h)) {
                ex.pass_socket(&listener, SOCKET_EXTRACTOR, receiver);
            }
        }
        "ns" => namespace(ex, call, receiver, |ex, path| NsExpr::Name(ex.value(path))),
        "dyn_ns" => namespace(ex, call, receiver, |_, _| NsExpr::Dynamic),
        _ => {}
    }
}

/// `SocketIo::new_layer()`, `SocketIo::builder()...build_layer()`: the `(layer, io)`
/// pair whose second half is the server.
pub(super) fn creates_server(expr: &Expr) -> bool {
    match strip(expr) {
        Expr::MethodCall(call) => creates_server(&call.receiver),
        Expr::Try(inner) => creates_server(&inner.expr),
        Expr::Call(call) => match strip(&call.func) {
            Expr::Path(path) => {
                let segments: Vec<String> = path
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                matches!(
                    segments.as_slice(),
                    [.., ty, ctor] if ty == "SocketIo"
                        && matches!(ctor.as_str(), "new_layer" | "new_svc" | "new_inner_svc" | "builder")
                )
            }
            _ => false,
        },
        _ => false,
    }
}

/// `io.ns("/chat", on_connect)`: a namespace, and the connection handler whose
/// `SocketRef` is a socket of it.
fn namespace<'a>(
    ex: &mut Extractor<'a>,
    call: &'a ExprMethodCall,
    receiver: SocketRef,
    ns: impl FnOnce(&Extractor<'a>, &Expr) -> NsExpr,
) {
    let Some(path) = call.args.first() else {
        return;
    };
    let namespace = with_op(receiver, Op::Of(ns(ex, path)));
    ex.facts.namespaces.push(NamespaceUse {
        span: ex.call_span(call),
        namespace: namespace.clone(),
    });
    // `on_connect.with(auth_middleware)`: the handler is what the middlewares wrap.
    let mut handler = call.args.get(1);
    while let Some(Expr::MethodCall(with)) = handler.map(strip) {
        if with.method != "with" {
            break;
        }
        handler = Some(&with.receiver);
    }
    if let Some(listener) = handler.and_then(|h| ex.listener(h)) {
        ex.pass_socket(
            &listener,
            SOCKET_EXTRACTOR,
            with_op(namespace, Op::Connection),
        );
    }
}

fn emit(ex: &mut Extractor<'_>, call: &ExprMethodCall, receiver: SocketRef, with_ack: bool) {
    let Some(name) = call.args.first() else {
        return;
    };
    // socketioxide bounds every ack wait (5 s by default): an ack request always has a
    // timeout, even without `.timeout(d)`.
    let receiver = if with_ack {
        with_op(receiver, Op::Timeout)
    } else {
        receiver
    };
    let emit = crate::facts::Emit {
        transport: crate::transport::Transport::SocketIo,
        method: if with_ack {
            EmitMethod::EmitWithAck
        } else {
            EmitMethod::Emit
        },
        args: call.args.get(1).and_then(payload_count),
        dropped: ex.is_dropped(call),
        ..ex.emit_at(call, name, receiver)
    };
    ex.facts.emits.push(emit);
}

/// How many Socket.IO arguments a payload serializes to: a tuple is one per element,
/// anything else one; an array literal is left unknown.
fn payload_count(expr: &Expr) -> Option<u32> {
    match strip(expr) {
        Expr::Tuple(tuple) if !tuple.elems.is_empty() => Some(tuple.elems.len() as u32),
        Expr::Tuple(_) | Expr::Array(_) => None,
        _ => Some(1),
    }
}

/// `socket.on("event", handler)`.
fn on<'a>(ex: &mut Extractor<'a>, call: &'a ExprMethodCall, receiver: SocketRef) {
    let (Some(name), Some(handler)) = (call.args.first(), call.args.get(1)) else {
        return;
    };
    let listener = ex.listener(handler);
    let handler = handler_fact(ex, call, Some(name), receiver, listener, ListenMethod::On);
    ex.facts.handlers.push(handler);
}

/// `socket.on_fallback(handler)`: every event no `on` handles.
fn fallback<'a>(ex: &mut Extractor<'a>, call: &'a ExprMethodCall, receiver: SocketRef) {
    let Some(handler) = call.args.first() else {
        return;
    };
    let listener = ex.listener(handler);
    let handler = handler_fact(ex, call, None, receiver, listener, ListenMethod::Any);
    ex.facts.handlers.push(handler);
}

/// A handler registration; `name` is `None` for a catch-all.
fn handler_fact<'a>(
    ex: &mut Extractor<'a>,
    call: &ExprMethodCall,
    name: Option<&Expr>,
    receiver: SocketRef,
    listener: Option<Listener<'a>>,
    method: ListenMethod,
) -> Handler {
    if let Some(listener) = &listener {
        ex.pass_socket(listener, SOCKET_EXTRACTOR, receiver.clone());
    }
    let (params, ack, data_type) = match listener.as_ref().and_then(|l| l.function.as_ref()) {
        Some(function) => {
            let (params, ack, data_type) = signature(ex, function);
            (Some(params), ack, data_type)
        }
        None => (None, None, None),
    };
    Handler {
        // Socket.IO has no event targets: every site is aimed at all.
        target: crate::transport::tauri::Target::Any,
        transport: crate::transport::Transport::SocketIo,
        span: ex.call_span(call),
        name_span: name.map_or_else(|| ex.call_span(call), |name| ex.span(name)),
        receiver,
        name: name.map_or(crate::facts::Value::Unknown, |name| ex.value(name)),
        name_is_literal: name.is_some_and(Extractor::is_literal),
        method,
        params,
        logging_only: false,
        ack,
        after_await: None,
        emitted_after: Vec::new(),
        matches_own_id: false,
        context: None,
        shape: listener.as_ref().and_then(|l| l.shape.clone()),
        listener_elsewhere: listener
            .as_ref()
            .filter(|l| l.function.is_none())
            .map(|l| l.callee.clone()),
        listener_name: listener.and_then(|l| l.name),
        frame: ex.frame(),
        conditional: ex.conditional(),
        data_type,
    }
}

/// What a message handler's extractors say: how many arguments `Data<T>` reads (a
/// handler without `Data` takes any payload), its `AckSender` and how it is sent, and
/// the type the payload is deserialized into.
pub(super) fn signature(
    ex: &Extractor<'_>,
    function: &LocalFn<'_>,
) -> (Params, Option<Ack>, Option<String>) {
    let mut data = None;
    let mut ack_param = None;
    for param in &function.params {
        // `Data(x): Data<T>`, or the type in the pattern: `Data::<T>(x)`.
        let Some((name, arg)) = param
            .ty
            .and_then(extractor)
            .or_else(|| pat_extractor(param.pat))
        else {
            continue;
        };
        match name.as_str() {
            "Data" => data = Some((arg.map_or(1, arity), arg.and_then(type_name))),
            "AckSender" => ack_param = Some(param.pat),
            _ => {}
        }
    }
    let params = Params {
        count: data.as_ref().map_or(0, |(count, _)| *count),
        rest: data.is_none(),
    };
    let ack = ack_param.and_then(|pat| {
        let (name, param_span) = match strip_pat(pat) {
            Pat::Ident(ident) => (ident.ident.to_string(), ex.span(&ident.ident)),
            Pat::Wild(wild) => ("_".to_owned(), ex.span(wild)),
            _ => return None,
        };
        let summary = flow::summarize(&name, function.body, &ex.locals, ex.len);
        Some(Ack {
            index: params.count,
            param_span,
            name,
            summary,
            nest: None,
        })
    });
    (params, ack, data.and_then(|(_, name)| name))
}

/// `Data::<T>(x)` written without a type annotation.
fn pat_extractor(pat: &Pat) -> Option<(String, Option<&Type>)> {
    let Pat::TupleStruct(tuple) = strip_pat(pat) else {
        return None;
    };
    let last = tuple.path.segments.last()?;
    let arg = match &last.arguments {
        syn::PathArguments::AngleBracketed(args) => args.args.iter().find_map(|arg| match arg {
            syn::GenericArgument::Type(ty) => Some(ty),
            _ => None,
        }),
        _ => None,
    };
    Some((last.ident.to_string(), arg))
}

/// `Data<(A, B)>` reads two arguments, `Data<T>` one.
fn arity(ty: &Type) -> u32 {
    match ty {
        Type::Tuple(tuple) => tuple.elems.len() as u32,
        Type::Paren(paren) => arity(&paren.elem),
        Type::Group(group) => arity(&group.elem),
        _ => 1,
    }
}

/// `NewMessage` for `Data<NewMessage>` or `Data<models::NewMessage>`; nothing for
/// generic or built-in shapes.
fn type_name(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    last.arguments.is_empty().then(|| last.ident.to_string())
}

/// A socketioxide extractor type: its name and first type argument (`Data<T>`).
pub(super) fn extractor(ty: &Type) -> Option<(String, Option<&Type>)> {
    match ty {
        Type::Path(path) => {
            let last = path.path.segments.last()?;
            Some((last.ident.to_string(), type_args(&last.arguments).next()))
        }
        Type::Paren(paren) => extractor(&paren.elem),
        Type::Group(group) => extractor(&group.elem),
        _ => None,
    }
}

/// A socket with one more operator applied.
fn with_op(mut socket: SocketRef, op: Op) -> SocketRef {
    socket.ops.push(op);
    socket
}
