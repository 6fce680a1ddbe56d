//! rust_socketio, the Rust Socket.IO client: a `ClientBuilder` chain registers the
//! handlers (`.on`, `.on_any`) and picks the namespace (`.namespace`, never the URL
//! path), `.connect()` opens the connection, and the client emits. A client whose
//! packets are read raw (`iter()`, `poll()`, `as_stream()`: the crate's own readers,
//! which its tests use) sees every event of its namespace, as `on_any` does.

use syn::punctuated::Punctuated;
use syn::{Expr, ExprCall, ExprMethodCall, Token};

use super::extract::Extractor;
use super::syntax::strip;
use crate::facts::{
    Connect, Handler, ListenMethod, NsExpr, Origin, Params, SocketRef, TypedSocket, Value,
};

/// A client of namespace `ns`.
pub(super) fn client(ns: Value) -> SocketRef {
    SocketRef {
        origin: Origin::ClientFactory {
            ns: NsExpr::Name(ns),
            ack_timeout: false,
        },
        ops: Vec::new(),
    }
}

/// A rust_socketio client: built here, or a parameter typed as one (`RawClient`).
pub(super) fn is_client(socket: &SocketRef) -> bool {
    matches!(
        socket.origin,
        Origin::ClientFactory { .. }
            | Origin::Param {
                typed: Some(TypedSocket::ClientSocket),
                ..
            }
    )
}

/// `ClientBuilder::new(url)` (sync or `asynchronous`), or the deprecated `SocketBuilder`.
pub(super) fn is_builder_new(call: &ExprCall) -> bool {
    let Expr::Path(path) = strip(&call.func) else {
        return false;
    };
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(segments.as_slice(), [.., ty, new] if new == "new" && (ty == "ClientBuilder" || ty == "SocketBuilder"))
}

/// Remembers the namespace a builder chain sets anywhere along it, so that handlers
/// registered before `.namespace(...)` in the chain get it too. The outermost call of a
/// chain is walked first, so it sees the whole chain.
pub(super) fn note_builder_chain(ex: &mut Extractor<'_>, call: &ExprMethodCall) {
    let mut namespace = None;
    let mut expr: &Expr = &call.receiver;
    if call.method == "namespace" {
        namespace = call.args.first();
    }
    let root = loop {
        match strip(expr) {
            Expr::MethodCall(inner) => {
                if inner.method == "namespace" && namespace.is_none() {
                    namespace = inner.args.first();
                }
                expr = &inner.receiver;
            }
            Expr::Call(root) if is_builder_new(root) => break root,
            _ => return,
        }
    };
    let span = ex.span(root);
    if let Some(namespace) = namespace
        && !ex.builder_ns.contains_key(&span)
    {
        let value = ex.value(namespace);
        ex.builder_ns.insert(span, value);
    }
}

/// The builder or client a method on a builder returns.
pub(super) fn chain(
    ex: &Extractor<'_>,
    receiver: SocketRef,
    method: &str,
    call: &ExprMethodCall,
) -> Option<SocketRef> {
    match method {
        "namespace" => Some(client(ex.value(call.args.first()?))),
        "on"
        | "on_any"
        | "on_reconnect"
        | "auth"
        | "transport_type"
        | "reconnect"
        | "reconnect_on_disconnect"
        | "reconnect_delay"
        | "max_reconnect_attempts"
        | "opening_header"
        | "tls_config"
        | "connect"
        | "connect_raw"
        | "connect_manual" => Some(receiver),
        _ => None,
    }
}

/// A method called on a rust_socketio builder or client.
pub(super) fn on_method<'a>(
    ex: &mut Extractor<'a>,
    call: &'a ExprMethodCall,
    receiver: SocketRef,
    method: &str,
) {
    match method {
        "on" => on(ex, call, receiver),
        "on_any" => on_any(ex, call, receiver),
        "emit" => emit(ex, call, receiver, false),
        "emit_with_ack" => emit(ex, call, receiver, true),
        "connect" | "connect_raw" | "connect_manual" => ex.facts.connects.push(Connect {
            span: ex.call_span(call),
            socket: receiver,
        }),
        "iter" | "poll" | "as_stream" if reads_packets(&receiver) => {
            push_handler(ex, call, None, receiver, None);
        }
        _ => {}
    }
}

/// Callbacks get `(payload, client)`; `on_any` callbacks `(event, payload, client)`.
const CLIENT_PARAM: u32 = 1;
const ANY_CLIENT_PARAM: u32 = 2;

fn on<'a>(ex: &mut Extractor<'a>, call: &'a ExprMethodCall, receiver: SocketRef) {
    if let (Some(name), Some(callback)) = (call.args.first(), call.args.get(1)) {
        handler(ex, call, Some(name), callback, CLIENT_PARAM, receiver);
    }
}

fn on_any<'a>(ex: &mut Extractor<'a>, call: &'a ExprMethodCall, receiver: SocketRef) {
    if let Some(callback) = call.args.first() {
        handler(ex, call, None, callback, ANY_CLIENT_PARAM, receiver);
    }
}

/// Only a value certainly a client reads its packets with these methods: `iter()`,
/// `poll()` and `as_stream()` are common names, so a value that is a client only by
/// the position of an untyped closure parameter (or a struct field) does not count.
fn reads_packets(receiver: &SocketRef) -> bool {
    receiver.ops.is_empty() && is_client(receiver)
}

/// A callback registered on the builder; `name` is `None` for `on_any`.
fn handler<'a>(
    ex: &mut Extractor<'a>,
    call: &ExprMethodCall,
    name: Option<&Expr>,
    callback: &'a Expr,
    client_param: u32,
    receiver: SocketRef,
) {
    let listener = ex.listener(callback);
    if let Some(listener) = &listener {
        ex.pass_socket(listener, client_param, receiver.clone());
    }
    let listener_name = listener.and_then(|l| l.name);
    push_handler(ex, call, name, receiver, listener_name);
}

/// A receiver of the event `name`, or of every event of the client's namespace when
/// `name` is `None` (an `on_any` callback, or a raw read of the client's packets).
fn push_handler(
    ex: &mut Extractor<'_>,
    call: &ExprMethodCall,
    name: Option<&Expr>,
    receiver: SocketRef,
    listener_name: Option<String>,
) {
    let span = ex.call_span(call);
    ex.facts.handlers.push(Handler {
        // Socket.IO has no event targets: every site is aimed at all.
        target: crate::transport::tauri::Target::Any,
        transport: crate::transport::Transport::SocketIo,
        span,
        name_span: name.map_or(span, |name| ex.span(name)),
        receiver,
        name: name.map_or(Value::Unknown, |name| ex.value(name)),
        name_is_literal: name.is_some_and(Extractor::is_literal),
        method: if name.is_some() {
            ListenMethod::On
        } else {
            ListenMethod::Any
        },
        // The callback gets every argument in one `Payload`, and no way to answer an ack.
        params: Some(Params {
            count: 1,
            rest: true,
        }),
        logging_only: false,
        ack: None,
        after_await: None,
        emitted_after: Vec::new(),
        matches_own_id: false,
        context: None,
        shape: None,
        listener_elsewhere: None,
        listener_name,
        frame: ex.frame(),
        conditional: ex.conditional(),
        data_type: None,
    });
}

/// `client.emit(event, payload)`, `client.emit_with_ack(event, payload, timeout, cb)`.
fn emit<'a>(ex: &mut Extractor<'a>, call: &'a ExprMethodCall, receiver: SocketRef, ack: bool) {
    let Some(name) = call.args.first() else {
        return;
    };
    if ack && let Some(listener) = call.args.get(3).and_then(|cb| ex.listener(cb)) {
        ex.pass_socket(&listener, CLIENT_PARAM, receiver.clone());
    }
    // A callback, not a future: nothing waits on it, and on timeout it is just never
    // called. The client's `emit` is a plain call, so nothing is dropped either.
    let emit = crate::facts::Emit {
        transport: crate::transport::Transport::SocketIo,
        args: call.args.get(1).and_then(payload_count),
        ack_callback: ack,
        ..ex.emit_at(call, name, receiver)
    };
    ex.facts.emits.push(emit);
}

/// How many Socket.IO arguments a payload is: each element of a `vec![...]` (or
/// `Payload::Text(vec![...])`) is one, a string or `json!(...)` value one; a variable
/// may be either.
fn payload_count(expr: &Expr) -> Option<u32> {
    match strip(expr) {
        Expr::Lit(_) | Expr::Struct(_) => Some(1),
        Expr::Macro(mac) => {
            let name = mac.mac.path.segments.last()?.ident.to_string();
            match name.as_str() {
                "json" | "format" => Some(1),
                "vec" => mac
                    .mac
                    .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                    .ok()
                    .map(|elems| elems.len() as u32),
                _ => None,
            }
        }
        Expr::Call(call) if call.args.len() == 1 => match strip(&call.func) {
            Expr::Path(path) if path.path.segments.last().is_some_and(|s| s.ident == "Text") => {
                payload_count(&call.args[0])
            }
            _ => None,
        },
        _ => None,
    }
}
