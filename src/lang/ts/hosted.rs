//! Servers handed over by a framework or plugin hook (`ctx.io`, `app.get("io")`, a
//! `server` parameter): no import says they are Socket.IO servers, so they are
//! recognised by how they are used.
//!
//! `x.on("connection", (socket) => ...)` alone is also Node's `net.Server` and `ws`,
//! so it counts only with evidence that only Socket.IO gives: the receiver is a
//! namespace (`x.of(ns)`, `x.sockets`), or the connected socket is used the Socket.IO
//! way (`socket.join(room)`, `socket.handshake`, `socket.broadcast`, `socket.to(room)`).
//! A receiver of known other provenance (`net.createServer()`, a `WebSocketServer`)
//! is never one.

use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::bindings::Binding;
use super::extract::Extractor;
use super::syntax::{member_prop_name, unwrap_expr};
use crate::facts::{NamespaceUse, Op, Origin, Side, SocketRef, TypedSocket};

/// Members only a Socket.IO server-side socket has (Node's `net.Socket` and `ws` have
/// none of them).
const SERVER_SOCKET_MEMBERS: &[&str] = &[
    "join",
    "leave",
    "handshake",
    "broadcast",
    "rooms",
    "nsp",
    "to",
    "in",
    "except",
    "emitWithAck",
    "onAny",
    // The Engine.IO connection under the socket (`socket.conn.request`).
    "conn",
];

impl Extractor<'_> {
    /// The receiver of `receiver_expr.on(event, listener)`, as a hosted Socket.IO server
    /// when the call is a connection listener with Socket.IO evidence and the receiver
    /// is not known otherwise. `known` is what the receiver resolved to without usage.
    pub(super) fn hosted_receiver(
        &mut self,
        call: &CallExpr,
        receiver_expr: &Expr,
        known: Option<SocketRef>,
    ) -> Option<SocketRef> {
        // Settled by provenance: a socket of a known origin, or a client file.
        if let Some(known) = &known
            && matches!(
                known.origin,
                Origin::ClientFactory { .. } | Origin::Manager | Origin::Server | Origin::Typed(_)
            )
        {
            return Some(known.clone());
        }
        let is_connection = call.args.first().is_some_and(|arg| {
            matches!(
                self.value(&arg.expr).as_str(),
                Some("connection" | "connect")
            )
        });
        let listener = call.args.get(1).map(|arg| &*arg.expr);
        if !is_connection || listener.is_none() {
            return known;
        }
        if self.facts.side == Some(Side::Client) || self.chain_is_foreign(receiver_expr) {
            return known;
        }
        let hosted = self.hosted_chain(receiver_expr);
        // `const admin = ctx.io.of("/admin"); admin.on("connection", ...)`: the steps
        // may be in the binding rather than in the receiver written here.
        let known_ops = known
            .as_ref()
            .map(|known| &known.ops[..])
            .unwrap_or_default();
        let namespace_evidence = hosted
            .ops
            .iter()
            .chain(known_ops)
            .any(|op| matches!(op, Op::Of(_) | Op::Sockets));
        if !namespace_evidence && !listener.is_some_and(uses_server_socket_members) {
            return known;
        }
        self.facts.uses_socketio = true;
        self.facts.side.get_or_insert(Side::Server);
        let hosted = match known {
            // What the project says about the receiver (a class field, a prop, a
            // parameter its callers fill, a function's result) comes first; only where
            // it would fall back to a guess does the usage decide.
            Some(known) => SocketRef {
                origin: hosted_origin(known.origin),
                ops: known.ops,
            },
            None => hosted,
        };
        // `ctx.io.of("/admin").on("connection", ...)` defines that namespace; the `of`
        // call alone, walked before, only knew a guess.
        if matches!(hosted.ops.last(), Some(Op::Of(_))) && !self.declarations_only {
            self.facts.namespaces.push(NamespaceUse {
                span: self.span(receiver_expr.span()),
                namespace: hosted.clone(),
            });
        }
        // `const io = app.get("io"); io.on("connection", ...)`: the binding is that
        // server from here on (`io.to(room).emit(...)` in the listener).
        if let Expr::Ident(ident) = unwrap_expr(receiver_expr)
            && let Some(binding @ (Binding::Socket(_) | Binding::Unknown)) =
                self.scopes.get_mut(&ident.sym)
        {
            *binding = Binding::Socket(hosted.clone());
        }
        Some(hosted)
    }

    /// `ctx.io.of("/admin")` as a server with the namespace steps of the chain.
    fn hosted_chain(&self, expr: &Expr) -> SocketRef {
        match unwrap_expr(expr) {
            Expr::Call(call) => {
                if let Callee::Expr(callee) = &call.callee
                    && let Expr::Member(member) = unwrap_expr(callee)
                    && member_prop_name(&member.prop).as_deref() == Some("of")
                {
                    let mut base = self.hosted_chain(&member.obj);
                    base.ops.push(Op::Of(self.namespace_arg(call)));
                    return base;
                }
                bare(Origin::Typed(TypedSocket::Server))
            }
            Expr::Member(member)
                if member_prop_name(&member.prop).as_deref() == Some("sockets")
                    && !matches!(member.prop, MemberProp::Computed(_)) =>
            {
                let mut base = self.hosted_chain(&member.obj);
                base.ops.push(Op::Sockets);
                base
            }
            _ => bare(Origin::Typed(TypedSocket::Server)),
        }
    }

    /// Whether the value a chain starts from has a known non-Socket.IO origin.
    fn chain_is_foreign(&self, expr: &Expr) -> bool {
        match unwrap_expr(expr) {
            Expr::Ident(ident) => {
                matches!(self.lookup(&ident.sym), Some(Binding::Foreign))
                    || self.assigned_foreign.contains(&*ident.sym)
            }
            Expr::Member(member) => self.chain_is_foreign(&member.obj),
            Expr::Call(call) => {
                self.foreign(expr)
                    || match &call.callee {
                        Callee::Expr(callee) => match unwrap_expr(callee) {
                            Expr::Member(member) => self.chain_is_foreign(&member.obj),
                            _ => false,
                        },
                        _ => false,
                    }
            }
            expr => self.foreign(expr),
        }
    }
}

/// `origin` with its fallbacks to a guess replaced by a Socket.IO server.
fn hosted_origin(origin: Origin) -> Origin {
    let server = || bare(Origin::Typed(TypedSocket::Server));
    match origin {
        Origin::Guess => Origin::Typed(TypedSocket::Server),
        Origin::Field { name, .. } => {
            Origin::FirstOf(vec![bare(Origin::Field { name, guess: false }), server()])
        }
        Origin::Prop {
            func,
            index,
            name,
            fallback,
        } => Origin::Prop {
            func,
            index,
            name,
            fallback: Some(Box::new(match fallback {
                Some(fallback) => bare(hosted_origin(fallback.origin)),
                None => server(),
            })),
        },
        Origin::Param { func, index, typed } => Origin::Param {
            func,
            index,
            typed: typed.or(Some(TypedSocket::Server)),
        },
        Origin::FirstOf(alternatives) => Origin::FirstOf(
            alternatives
                .into_iter()
                .map(|alternative| SocketRef {
                    origin: hosted_origin(alternative.origin),
                    ops: alternative.ops,
                })
                .chain(std::iter::once(server()))
                .collect(),
        ),
        other => Origin::FirstOf(vec![bare(other), server()]),
    }
}

fn bare(origin: Origin) -> SocketRef {
    SocketRef {
        origin,
        ops: Vec::new(),
    }
}

/// Whether a connection listener uses its socket parameter the Socket.IO way.
fn uses_server_socket_members(listener: &Expr) -> bool {
    let (first, body): (Option<&Pat>, &dyn VisitWith<Members>) = match unwrap_expr(listener) {
        Expr::Arrow(arrow) => (arrow.params.first(), &*arrow.body),
        Expr::Fn(function) => match &function.function.body {
            Some(body) => (function.function.params.first().map(|p| &p.pat), body),
            None => return false,
        },
        _ => return false,
    };
    let Some(Pat::Ident(param)) = first else {
        return false;
    };
    let mut members = Members {
        socket: param.id.sym.as_str(),
        found: false,
    };
    body.visit_with(&mut members);
    members.found
}

struct Members<'a> {
    socket: &'a str,
    found: bool,
}

impl Visit for Members<'_> {
    fn visit_member_expr(&mut self, member: &MemberExpr) {
        if let Expr::Ident(obj) = unwrap_expr(&member.obj)
            && &*obj.sym == self.socket
            && member_prop_name(&member.prop)
                .is_some_and(|name| SERVER_SOCKET_MEMBERS.contains(&&*name))
        {
            self.found = true;
        }
        member.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;
    use crate::facts::{Origin, Side, TypedSocket};

    /// The side the file is given, and whether its handler of "x" is on a hosted server.
    fn hosted(source: &str) -> (Option<Side>, bool) {
        let facts = crate::lang::ts::extract(source, FileKind::Js, &[], None);
        let on_server = facts.handlers.iter().any(|handler| {
            handler.name.as_str() == Some("x")
                && matches!(
                    &handler.receiver.origin,
                    Origin::Typed(TypedSocket::Server) | Origin::FirstOf(_) | Origin::Prop { .. }
                )
        });
        (facts.side, on_server)
    }

    #[test]
    fn a_namespace_or_socket_io_use_makes_a_hosted_server() {
        assert_eq!(
            hosted(
                "exports.hook = (ctx) => { ctx.io.of('/a').on('connection', (s) => { s.on('x', f); }); };"
            ),
            (Some(Side::Server), true)
        );
        assert_eq!(
            hosted(
                "const io = app.get('io'); io.on('connection', (s) => { s.join('r'); s.on('x', f); });"
            ),
            (Some(Side::Server), true)
        );
    }

    #[test]
    fn a_connection_listener_alone_is_no_socket_io_server() {
        // Node's `net.Server` and `ws` have connection listeners too.
        assert_eq!(
            hosted(
                "exports.track = (server) => { server.on('connection', (c) => { c.on('x', f); }); };"
            ),
            (None, false)
        );
        // Provenance wins over usage.
        assert_eq!(
            hosted(
                "const net = require('net'); const srv = net.createServer(); srv.of('/a').on('connection', (c) => { c.join('r'); c.on('x', f); });"
            ),
            (None, false)
        );
    }
}
