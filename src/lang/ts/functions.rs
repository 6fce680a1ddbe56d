//! Functions as the walk enters and leaves them: their frames and parameters (sockets,
//! acks, rest and data parameters, from hints and annotations), the records of their
//! calls on parameters, and the shapes, acks and parameters of listeners.

use std::borrow::Cow;

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::Binding;
use super::declarations::{typed_socket, typed_socket_array};
use super::extract::{Extractor, Frame};
use super::flow::{self, LocalFn};
use super::listeners::{default_is_callable, is_ack_name};
use super::parse::to_span;
use super::syntax::{call_receiver, object_pat_keys, pat_names, unwrap_expr};
use crate::facts::{self, Ack, CallEffects, FnShape, FuncId, Op, Origin, Params, SocketRef};
use crate::lang::Bodies;

/// A function's parameter as a pattern: an arrow's parameters are patterns, a
/// function's are `Param`s around one (taken as they are, not gathered into a list of
/// patterns per function).
pub(super) trait AsPat {
    fn as_pat(&self) -> &Pat;
}

impl AsPat for Pat {
    fn as_pat(&self) -> &Pat {
        self
    }
}

impl AsPat for Param {
    fn as_pat(&self) -> &Pat {
        &self.pat
    }
}

impl Extractor<'_> {
    /// `reads_throws`: see [`Frame::reads_throws`].
    pub(super) fn enter_function<Parameter: AsPat>(
        &mut self,
        lo: u32,
        params: &[Parameter],
        reads_throws: bool,
    ) -> FuncId {
        let name = self.pending_name.take();
        let id = self.func_id(lo, name);
        let hints = self.param_hints.remove(&lo).unwrap_or_default();
        // The parameters' bindings, bound in their scope once all are read (reading one
        // looks up names in the enclosing scopes only).
        let mut scope: Vec<(Cow<str>, Binding)> = Vec::with_capacity(params.len());
        let mut data_params = Vec::new();
        for (index, pat) in params.iter().map(AsPat::as_pat).enumerate() {
            let index = index as u32;
            let pat = match pat {
                Pat::Assign(assign) => &*assign.left,
                pat => pat,
            };
            if let Pat::Ident(ident) = pat {
                let foreign_type = ident
                    .type_ann
                    .as_deref()
                    .is_some_and(|ann| self.foreign_type(&ann.type_ann));
                let typed_array = typed_socket_array(ident.type_ann.as_deref(), self);
                let data_type = ident
                    .type_ann
                    .as_deref()
                    .is_some_and(|ann| super::data::is_scalar_type(&ann.type_ann));
                let binding = match (hints.iter().find(|(i, _)| *i == index), typed_array) {
                    (Some((_, socket)), _) => Binding::Socket(socket.clone()),
                    (None, _) if foreign_type => Binding::Foreign,
                    // `function kick(clients: Socket[])`
                    (None, Some(element)) => Binding::Sockets(element),
                    // `function archive(itemId: number)`: data, never a socket or an ack.
                    (None, None) if data_type => {
                        data_params.push((ident.id.sym.as_str().to_owned(), index));
                        Binding::Data
                    }
                    (None, None) => {
                        let typed = typed_socket(ident.type_ann.as_deref(), self);
                        if typed.is_none() {
                            self.note_imported_param_type(id, index, ident.type_ann.as_deref());
                        }
                        Binding::Socket(SocketRef {
                            origin: Origin::Param {
                                func: id,
                                index,
                                typed,
                            },
                            ops: Vec::new(),
                        })
                    }
                };
                scope.push((Cow::Borrowed(ident.id.sym.as_str()), binding));
            } else {
                let mut names = Vec::new();
                pat_names(pat, &mut names);
                for name in names {
                    scope.push((Cow::Owned(name), Binding::Unknown));
                }
                // `function Chat({ socket })`: what the callers pass there.
                if let Pat::Object(object) = pat {
                    for (key, local) in object_pat_keys(object) {
                        let prop = self.prop_of_param(id, index, key, local);
                        scope.push((Cow::Borrowed(local), prop));
                    }
                }
            }
        }
        let connection_param = hints
            .iter()
            .find(|(i, socket)| *i == 0 && socket.ops.last() == Some(&Op::Connection))
            .and_then(|_| match params.first().map(AsPat::as_pat) {
                Some(Pat::Ident(ident)) => Some(ident.id.sym.as_str().to_owned()),
                _ => None,
            });
        let param_bindings = self.scopes.push_bound(scope);
        // `Object.keys(handlers).forEach((ev) => ...)`: the first parameter walks the map.
        if let Some(walked) = self.entry_hints.remove(&lo)
            && let Some(first) = params.first().map(AsPat::as_pat)
        {
            self.bind_entries(first, walked);
        } else if self.data_hints.remove(&lo)
            && let Some(Pat::Ident(first)) = params.first().map(AsPat::as_pat)
        {
            self.bind(&first.id.sym, Binding::Data);
        }
        self.frames.push(Frame {
            id,
            first_await: None,
            connection_param,
            context: self.contexts.remove(&lo),
            scope_base: self.scopes.len() - 1,
            params: param_bindings,
            listens_to: self.listener_events.remove(&lo),
            emitted: Vec::new(),
            late_handlers: Vec::new(),
            rest: params
                .iter()
                .map(AsPat::as_pat)
                .enumerate()
                .find_map(|(index, pat)| match pat {
                    Pat::Rest(rest) => match &*rest.arg {
                        Pat::Ident(ident) => Some((ident.id.sym.as_str().to_owned(), index as u32)),
                        _ => None,
                    },
                    _ => None,
                }),
            data_params,
            reads_throws,
            sheltered: 0,
        });
        id
    }

    /// A `throw` statement: the innermost function may throw, unless a `catch` of its
    /// own handles it.
    pub(super) fn note_throw(&mut self) {
        if let Some(frame) = self.frames.last()
            && frame.reads_throws
            && frame.sheltered == 0
            && let Some(function) = self.facts.functions.get_mut(frame.id as usize)
        {
            function.throws.itself = true;
        }
    }

    /// A call in the innermost function, outside a `try` that catches: when it calls a
    /// project function, a call of the innermost function may throw what that one
    /// throws (decided when linking).
    pub(super) fn note_throwing_call(&mut self, call: &CallExpr) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        if !frame.reads_throws || frame.sheltered > 0 {
            return;
        }
        // Only a local function (`check(x)`) or an import (`auth.check(x)`) can be a
        // project function: the names are looked up as they are written, and copied
        // only for a callee not noted before (most calls are of neither, or repeat).
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let (name, member) = match unwrap_expr(callee) {
            Expr::Ident(ident) => (&*ident.sym, None),
            Expr::Member(member) => match (unwrap_expr(&member.obj), &member.prop) {
                (Expr::Ident(obj), MemberProp::Ident(prop)) => (&*obj.sym, Some(&*prop.sym)),
                _ => return,
            },
            _ => return,
        };
        let id = frame.id;
        let called = match (self.lookup(name), member) {
            (Some(Binding::Func(local)), None) => facts::Callee::Local(*local),
            (Some(Binding::Import { specifier, name }), member) => {
                let noted = self.facts.functions.get(id as usize).is_some_and(|function| {
                    function.throws.via.iter().any(|via| {
                        matches!(via, facts::Callee::Import { specifier: s, name: n, path }
                            if s == specifier && n == name && path.first().map(String::as_str) == member)
                    })
                });
                if noted {
                    return;
                }
                facts::Callee::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path: member.map(|prop| vec![prop.to_owned()]).unwrap_or_default(),
                }
            }
            _ => return,
        };
        if let Some(function) = self.facts.functions.get_mut(id as usize)
            && !function.throws.via.contains(&called)
        {
            function.throws.via.push(called);
        }
    }

    /// Walks with `walk` code whose throws the innermost function does not let out (a
    /// `try` block with a `catch`, a class body).
    pub(super) fn sheltered(&mut self, walk: impl FnOnce(&mut Self)) {
        if let Some(frame) = self.frames.last_mut() {
            frame.sheltered += 1;
        }
        walk(self);
        if let Some(frame) = self.frames.last_mut() {
            frame.sheltered -= 1;
        }
    }

    /// The binding of `local`, destructured from property `key` of parameter `index`
    /// of function `func`: the socket the callers pass there, or else what the name
    /// alone says (a socket assigned to it later, a name that looks like a socket).
    pub(super) fn prop_of_param(
        &self,
        func: FuncId,
        index: u32,
        key: &str,
        local: &str,
    ) -> Binding {
        let fallback = match self.assigned.get(local) {
            Some(socket) => Some(socket.clone()),
            None if self.assigned_foreign.contains(local) => return Binding::Unknown,
            None => self.guess(local),
        };
        Binding::Socket(SocketRef {
            origin: Origin::Prop {
                func,
                index,
                name: key.to_owned(),
                fallback: fallback.map(Box::new),
            },
            ops: Vec::new(),
        })
    }

    /// The parameter an expression names, when it is one, untyped and unchanged:
    /// `props` in `props.socket` or `const { socket } = props`.
    pub(super) fn plain_param(&self, expr: &Expr) -> Option<(FuncId, u32)> {
        let Expr::Ident(ident) = unwrap_expr(expr) else {
            return None;
        };
        match self.lookup(&ident.sym) {
            Some(Binding::Socket(SocketRef {
                origin:
                    Origin::Param {
                        func,
                        index,
                        typed: None,
                    },
                ops,
            })) if ops.is_empty() => Some((*func, *index)),
            _ => None,
        }
    }

    /// `s.on(...)` where `s` is a socket created in the function being walked
    /// (`const s = io(url)` in an effect or a listener): each run registers on a new
    /// socket, so listeners do not pile up on one.
    pub(super) fn on_socket_created_here(&self, call: &CallExpr) -> bool {
        let (Some(Expr::Ident(receiver)), Some(frame)) = (call_receiver(call), self.frames.last())
        else {
            return false;
        };
        let name = &*receiver.sym;
        let Some(index) = self.scopes.depth_of(name) else {
            return false;
        };
        let declared_here = index > frame.scope_base
            || (index == frame.scope_base && !self.scopes.is_bound_at(&frame.params, name));
        declared_here
            && matches!(self.scopes.get(name), Some(Binding::Socket(socket))
                if !matches!(socket.origin, Origin::Param { .. } | Origin::Import { .. } | Origin::Field { .. }))
    }

    /// How `function`'s body calls its parameter `index` on every path, looking through
    /// this file's local functions.
    pub(super) fn summarize_param(
        &self,
        function: &LocalFn<'_>,
        index: usize,
    ) -> Option<crate::facts::Summary> {
        flow::summarize(
            &function.params,
            index,
            function.body,
            &self.locals,
            &|callee| self.callee(callee),
            self.len,
        )
    }

    /// Whether [`Self::record_param_calls`] records anything in this walk: callers
    /// skip gathering a function's parameters for it otherwise (the pipeline's walk
    /// leaves bodies to the linker).
    pub(super) fn records_param_calls(&self) -> bool {
        !self.declarations_only && self.bodies == Bodies::Summarized
    }

    /// How a named function calls each parameter it calls, so that a handler in another
    /// file that hands it its ack can be judged.
    pub(super) fn record_param_calls(&mut self, id: FuncId, function: &LocalFn<'_>) {
        if !self.records_param_calls() {
            return;
        }
        let mut param_calls = Vec::new();
        for index in flow::called_params(function) {
            if let Some(summary) = self.summarize_param(function, index) {
                param_calls.push((index as u32, summary.calls));
            }
        }
        if let Some(function) = self.facts.functions.get_mut(id as usize) {
            function.effects = Some(CallEffects { param_calls });
        }
    }

    /// The rest parameter `name` of the innermost function that has one by that name.
    pub(super) fn rest_param(&self, name: &str) -> Option<(FuncId, u32)> {
        self.frames
            .iter()
            .rev()
            .find_map(|frame| match &frame.rest {
                Some((rest, index)) if rest == name => Some((frame.id, *index)),
                _ => None,
            })
    }

    /// The parameter typed as data (`ev: string`) that `name` reads here, with its
    /// function: the name must be bound in that function's parameter scope, not
    /// shadowed by an inner declaration.
    pub(super) fn data_param(&self, name: &str) -> Option<(FuncId, u32)> {
        let depth = self.scopes.depth_of(name)?;
        let frame = self
            .frames
            .iter()
            .rev()
            .find(|frame| frame.scope_base == depth)?;
        frame
            .data_params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, index)| (frame.id, *index))
    }

    /// The function about to be entered can be called by the name it is given.
    pub(super) fn note_scope(&mut self, span: swc_common::Span) {
        if let Some(name) = self.pending_name.clone() {
            let span = self.span(span);
            self.facts
                .scopes
                .push(crate::facts::NamedScope { name, span });
        }
    }

    pub(super) fn leave_function(&mut self) {
        self.scopes.pop();
        // Read in place and then dropped: a frame is large, and moving it out of the
        // stack would copy it for nothing.
        let Some(frame) = self.frames.last() else {
            return;
        };
        let left = &mut self.wrapping.left;
        if left.len() <= frame.id as usize {
            left.resize(frame.id as usize + 1, false);
        }
        left[frame.id as usize] = true;
        for &index in &frame.late_handlers {
            if let Some(handler) = self.facts.handlers.get_mut(index) {
                let registered = handler.span.start;
                handler.emitted_after = frame
                    .emitted
                    .iter()
                    .filter(|(start, _)| *start > registered)
                    .map(|(_, event)| event.clone())
                    .collect();
            }
        }
        self.frames.truncate(self.frames.len() - 1);
    }

    pub(super) fn set_returns(&mut self, socket: SocketRef) {
        if let Some(id) = self.frames.last().map(|frame| frame.id)
            && let Some(function) = self.facts.functions.get_mut(id as usize)
        {
            function.returns.get_or_insert_with(|| Box::new(socket));
        }
    }

    /// Parameters and body positions of an inline function.
    pub(super) fn shape_of(&self, function: &Expr) -> Option<FnShape> {
        let (params, lo, body): (Vec<&Pat>, u32, Option<swc_common::Span>) =
            match unwrap_expr(function) {
                Expr::Arrow(arrow) => (
                    arrow.params.iter().collect(),
                    arrow.span.lo.0,
                    match &*arrow.body {
                        ArrowFunctionBody::FunctionBody(block) => Some(block.span),
                        ArrowFunctionBody::Expr(_) => None,
                    },
                ),
                Expr::Fn(function) => (
                    function.function.params.iter().map(|p| &p.pat).collect(),
                    function.function.span.lo.0,
                    function.function.body.as_ref().map(|b| b.span),
                ),
                _ => return None,
            };
        let span = match (params.first(), params.last()) {
            (Some(first), Some(last)) => Some(facts::Span::new(
                self.span(first.span()).start,
                self.span(last.span()).end,
            )),
            _ => None,
        };
        let start = to_span(
            swc_common::Span::new(swc_common::BytePos(lo), swc_common::BytePos(lo)),
            self.len,
        )
        .start;
        let parens = !matches!(unwrap_expr(function), Expr::Arrow(arrow)
            if arrow.params.len() == 1
                && matches!(arrow.params[0], Pat::Ident(_))
                && self.span(arrow.params[0].span()).start == self.span(arrow.span).start
                && !arrow.is_async);
        Some(FnShape {
            start,
            params: span,
            parens,
            body: body.map(|b| self.span(b)),
        })
    }

    pub(super) fn listener_ack(&self, listener: &Expr) -> Option<Ack> {
        let local;
        let function = match unwrap_expr(listener) {
            Expr::Ident(ident) => self.locals.get(&*ident.sym)?,
            expr => {
                local = LocalFn::of_expr(expr, self.len)?;
                &local
            }
        };
        self.ack_of(function)
    }

    /// The ack parameter of a function used as a listener, and how it is called.
    pub(super) fn ack_of(&self, function: &LocalFn) -> Option<Ack> {
        let index = function.params.len().checked_sub(1)?;
        // `(msg, ack = () => {})`: without an ack from the emitter, the default is called.
        let mut defaulted = false;
        let (name, span, rest) = match function.params[index] {
            Pat::Ident(ident) => (ident.id.sym.as_str().to_owned(), ident.id.span, false),
            Pat::Assign(assign) => match &*assign.left {
                Pat::Ident(ident) => {
                    defaulted = default_is_callable(&assign.right);
                    (ident.id.sym.as_str().to_owned(), ident.id.span, false)
                }
                _ => return None,
            },
            Pat::Rest(rest) => match &*rest.arg {
                Pat::Ident(ident) => (ident.id.sym.as_str().to_owned(), ident.id.span, true),
                _ => return None,
            },
            _ => return None,
        };
        let mut summary = self.summarize_param(function, index)?;
        summary.guarded |= defaulted;
        // A payload handed on (`io.emit("x", data)`) is not an ack: the parameter must be
        // called, or at least be named like one.
        let named = !rest && is_ack_name(&name);
        if !(summary.direct || summary.guarded || named) {
            return None;
        }
        Some(Ack {
            index: index as u32,
            param_span: self.span(span),
            name,
            summary,
            nest: None,
        })
    }

    pub(super) fn params_of(&self, listener: &Expr) -> Option<Params> {
        let pats: Vec<&Pat> = match unwrap_expr(listener) {
            Expr::Arrow(arrow) => arrow.params.iter().collect(),
            Expr::Fn(function) => function.function.params.iter().map(|p| &p.pat).collect(),
            Expr::Ident(ident) => self.locals.get(&*ident.sym)?.params.clone(),
            _ => return None,
        };
        let rest = pats.last().is_some_and(|pat| matches!(pat, Pat::Rest(_)));
        Some(Params {
            count: pats.len() as u32 - u32::from(rest),
            rest,
        })
    }
}
