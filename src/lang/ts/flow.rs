//! All-paths analysis: does every path through a function call one of its parameters
//! (an ack callback, a middleware's `next`, a promise's `resolve`/`reject`)?
//!
//! The analysis walks statements in order with one bit of state, "the target has been
//! called on every path that reaches here", and collects the places where a path leaves
//! the function without the call: a `return`, a `throw`, an `await` whose rejection
//! escapes, a promise chain without a rejection handler, or the end of the body.

use rustc_hash::FxHashMap as HashMap;

use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::parse::to_span;
use super::syntax::{member_prop_name, unwrap_expr};
use crate::facts::{
    Callee as FnCallee, Calls, Delegation, Missing, MissingKind, Span, Summary, ThrowCall,
};
use crate::lang::paths::{Out, merge};

/// A function body the analysis can look into when a target is handed to it.
#[derive(Clone)]
pub(super) struct LocalFn<'a> {
    pub params: Vec<&'a Pat>,
    pub body: Body<'a>,
}

impl<'a> LocalFn<'a> {
    /// The parameters and body of a function or arrow expression.
    pub fn of_expr(expr: &'a Expr, len: u32) -> Option<LocalFn<'a>> {
        match unwrap_expr(expr) {
            Expr::Arrow(arrow) => Some(LocalFn {
                params: arrow.params.iter().collect(),
                body: match &*arrow.body {
                    ArrowFunctionBody::FunctionBody(block) => {
                        Body::Block(&block.stmts, to_span(block.span, len).end)
                    }
                    ArrowFunctionBody::Expr(expr) => Body::Expr(expr),
                },
            }),
            Expr::Fn(function) => LocalFn::of_function(&function.function, len),
            _ => None,
        }
    }

    pub fn of_function(function: &'a Function, len: u32) -> Option<LocalFn<'a>> {
        let block = function.body.as_ref()?;
        Some(LocalFn {
            params: function.params.iter().map(|p| &p.pat).collect(),
            body: Body::Block(&block.stmts, to_span(block.span, len).end),
        })
    }
}

#[derive(Clone, Copy)]
pub(super) enum Body<'a> {
    Block(&'a [Stmt], u32),
    Expr(&'a Expr),
}

pub(super) type LocalFns<'a> = HashMap<String, LocalFn<'a>>;

/// How deep `helper(callback)` is followed into local functions.
const MAX_LOOK_THROUGH: u32 = 3;

/// Summarises the calls of the parameter at `index` of a function.
pub(super) fn summarize(
    params: &[&Pat],
    index: usize,
    body: Body<'_>,
    locals: &LocalFns<'_>,
    resolve: ResolveCallee<'_>,
    len: u32,
) -> Option<Summary> {
    summarize_depth(params, &[index], body, locals, resolve, len, 0)
}

/// Summarises the calls of any of several parameters (`resolve` or `reject`).
pub(super) fn summarize_any(
    params: &[&Pat],
    indexes: &[usize],
    body: Body<'_>,
    locals: &LocalFns<'_>,
    resolve: ResolveCallee<'_>,
    len: u32,
) -> Option<Summary> {
    summarize_depth(params, indexes, body, locals, resolve, len, 0)
}

/// Summarises how a NestJS `@SubscribeMessage` method replies by its return value:
/// a `return <value>` is the ack call; a bare `return`, `return undefined`/`null`/
/// `void x`, falling off the end and a returned `WsResponse` object literal (a truthy
/// `event` field) send no ack, and neither does a `throw` or a rejected `await` (NestJS
/// turns it into an `exception` event).
pub(super) fn summarize_returns(
    body: Body<'_>,
    locals: &LocalFns<'_>,
    resolve: ResolveCallee<'_>,
    len: u32,
) -> Summary {
    let flow = Flow {
        resolve,
        targets: Targets::default(),
        rest: None,
        locals,
        len,
        depth: 0,
        summary: Summary::default(),
        calls: 0,
        statement_call: None,
        awaited_call: None,
        caught_values: Vec::new(),
        replies_by_return: true,
    };
    flow.run(body)
}

/// What a `return` in a NestJS handler sends.
enum Returned {
    /// A value: the ack.
    Reply,
    /// `undefined` or `null`: nothing.
    Nothing,
    /// A `WsResponse`: an event, not the ack.
    WsResponse,
}

fn returned(arg: Option<&Expr>) -> Returned {
    let Some(arg) = arg else {
        return Returned::Nothing;
    };
    match unwrap_expr(arg) {
        Expr::Lit(Lit::Null(_)) => Returned::Nothing,
        Expr::Ident(ident) if &*ident.sym == "undefined" => Returned::Nothing,
        Expr::Unary(unary) if unary.op == UnaryOp::Void => Returned::Nothing,
        Expr::Object(object) => {
            let truthy_event = object.props.iter().any(|prop| match prop {
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::KeyValue(kv) => {
                        matches!(&kv.key, PropName::Ident(key) if &*key.sym == "event")
                            && !matches!(
                                unwrap_expr(&kv.value),
                                Expr::Lit(Lit::Null(_) | Lit::Bool(Bool { value: false, .. }))
                            )
                            && !matches!(unwrap_expr(&kv.value), Expr::Lit(Lit::Str(s)) if s.value.is_empty())
                    }
                    Prop::Shorthand(ident) => &*ident.sym == "event",
                    _ => false,
                },
                PropOrSpread::Spread(_) => false,
            });
            if truthy_event {
                Returned::WsResponse
            } else {
                Returned::Reply
            }
        }
        _ => Returned::Reply,
    }
}

fn summarize_depth(
    params: &[&Pat],
    indexes: &[usize],
    body: Body<'_>,
    locals: &LocalFns<'_>,
    resolve: ResolveCallee<'_>,
    len: u32,
    depth: u32,
) -> Option<Summary> {
    let mut targets = Targets::default();
    let mut rest = None;
    for &index in indexes {
        match params.get(index)? {
            Pat::Ident(ident) => {
                targets.insert(ident.id.sym.as_str().to_owned());
            }
            Pat::Assign(assign) => {
                if let Pat::Ident(ident) = &*assign.left {
                    targets.insert(ident.id.sym.as_str().to_owned());
                }
            }
            Pat::Rest(rest_pat) => {
                if let Pat::Ident(ident) = &*rest_pat.arg {
                    rest = Some(ident.id.sym.as_str().to_owned());
                }
            }
            _ => return None,
        }
    }
    let flow = Flow {
        resolve,
        targets,
        rest,
        locals,
        len,
        depth,
        summary: Summary::default(),
        calls: 0,
        statement_call: None,
        awaited_call: None,
        caught_values: Vec::new(),
        replies_by_return: false,
    };
    Some(flow.run(body))
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    /// Inside a `try` whose `catch` runs: throws and rejections do not leave.
    caught: bool,
}

struct ExprOut {
    called: bool,
    exits: Vec<Missing>,
}

/// Turns a callee expression into a project function reference, for helpers that live
/// in other files (resolved when linking).
pub(super) type ResolveCallee<'l> = &'l dyn Fn(&Expr) -> Option<FnCallee>;

struct Flow<'l, 'a> {
    resolve: ResolveCallee<'l>,
    targets: Targets,
    /// A rest parameter whose last element is the target: `(...args) => args.pop()`.
    rest: Option<String>,
    locals: &'l LocalFns<'a>,
    len: u32,
    depth: u32,
    summary: Summary,
    /// Number of call sites of the target (any path).
    calls: u32,
    /// The call an expression statement consists of: its result is thrown away.
    statement_call: Option<*const CallExpr>,
    /// The call an `await` applies to: a throw in it is the await's rejection.
    awaited_call: Option<*const CallExpr>,
    /// The names of the caught values of the `catch` clauses being walked.
    caught_values: Vec<String>,
    /// The target is the function's return value (a NestJS handler), not a parameter.
    replies_by_return: bool,
}

impl Flow<'_, '_> {
    fn run(mut self, body: Body<'_>) -> Summary {
        let (called, exits, end) = match body {
            Body::Block(stmts, end) => {
                self.collect_aliases_in(stmts);
                let out = self.stmts(stmts, false, Ctx::default());
                (out.fall, out.exits, Span::new(end.saturating_sub(1), end))
            }
            Body::Expr(expr) => {
                let out = self.expr(expr, false, Ctx::default());
                (Some(out.called), out.exits, self.span(expr.span()))
            }
        };
        self.summary
            .close(exits, called == Some(false), end, self.calls)
    }

    fn span(&self, span: swc_common::Span) -> Span {
        to_span(span, self.len)
    }

    fn missing(&self, span: swc_common::Span, kind: MissingKind) -> Missing {
        Missing {
            span: self.span(span),
            kind,
        }
    }

    // ----- aliases --------------------------------------------------------------------

    /// `const done = callback`, `const cb = args[args.length - 1]`, `args.pop()`.
    fn collect_aliases_in(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            if let Stmt::Decl(Decl::Var(var)) = stmt {
                for declarator in &var.decls {
                    if let (Pat::Ident(name), Some(init)) = (&declarator.name, &declarator.init)
                        && self.is_target_value(init)
                    {
                        self.targets.insert(name.id.sym.as_str().to_owned());
                    }
                }
            }
        }
    }

    fn is_target_value(&self, expr: &Expr) -> bool {
        match unwrap_expr(expr) {
            Expr::Ident(ident) => self.targets.contains(&ident.sym),
            expr => self.is_rest_last(expr),
        }
    }

    /// `args[args.length - 1]`, `args.pop()`, `args.at(-1)` on the rest parameter.
    fn is_rest_last(&self, expr: &Expr) -> bool {
        let Some(rest) = &self.rest else {
            return false;
        };
        let is_rest = |e: &Expr| matches!(unwrap_expr(e), Expr::Ident(i) if &*i.sym == rest);
        match expr {
            Expr::Member(member) => {
                is_rest(&member.obj)
                    && matches!(&member.prop, MemberProp::Computed(c)
                        if matches!(&*c.expr, Expr::Bin(bin) if bin.op == BinaryOp::Sub))
            }
            Expr::Call(call) => match &call.callee {
                Callee::Expr(callee) => match unwrap_expr(callee) {
                    Expr::Member(member) => {
                        is_rest(&member.obj)
                            && matches!(
                                member_prop_name(&member.prop).as_deref(),
                                Some("pop" | "at")
                            )
                    }
                    _ => false,
                },
                _ => false,
            },
            _ => false,
        }
    }

    fn is_target(&self, expr: &Expr) -> bool {
        self.is_target_value(expr)
    }

    /// `typeof cb === "function"`, `cb`, `cb != null`: true when the test holds only if
    /// the target is callable. Returns `Some(negated)`.
    /// `e instanceof Error` on the value a `catch` being walked caught: `Some(false)`
    /// (only the true branch is taken), `Some(true)` for its negation.
    fn caught_error_test(&self, test: &Expr) -> Option<bool> {
        match unwrap_expr(test) {
            Expr::Unary(unary) if unary.op == UnaryOp::Bang => {
                self.caught_error_test(&unary.arg).map(|negated| !negated)
            }
            Expr::Bin(BinExpr {
                op: BinaryOp::InstanceOf,
                left,
                right,
                ..
            }) => {
                let caught = matches!(unwrap_expr(left), Expr::Ident(value)
                    if self.caught_values.iter().any(|name| *name == *value.sym));
                let error =
                    matches!(unwrap_expr(right), Expr::Ident(class) if &*class.sym == "Error");
                (caught && error).then_some(false)
            }
            _ => None,
        }
    }

    fn guard(&self, test: &Expr) -> Option<bool> {
        match unwrap_expr(test) {
            Expr::Ident(_) if self.is_target(test) => Some(false),
            Expr::Unary(unary) if unary.op == UnaryOp::Bang => {
                self.guard(&unary.arg).map(|negated| !negated)
            }
            Expr::Bin(bin) => {
                let negated = match bin.op {
                    BinaryOp::EqEqEq | BinaryOp::EqEq => false,
                    BinaryOp::NotEqEq | BinaryOp::NotEq => true,
                    _ => return None,
                };
                let (left, right) = (unwrap_expr(&bin.left), unwrap_expr(&bin.right));
                let typeof_target = |e: &Expr| matches!(e, Expr::Unary(u) if u.op == UnaryOp::TypeOf && self.is_target(&u.arg));
                let is_function_str = |e: &Expr| matches!(e, Expr::Lit(Lit::Str(s)) if &*s.value.to_string_lossy() == "function");
                let is_nullish = |e: &Expr| {
                    matches!(e, Expr::Lit(Lit::Null(_)))
                        || matches!(e, Expr::Ident(i) if &*i.sym == "undefined")
                };
                if (typeof_target(left) && is_function_str(right))
                    || (typeof_target(right) && is_function_str(left))
                {
                    Some(negated)
                } else if (self.is_target(left) && is_nullish(right))
                    || (self.is_target(right) && is_nullish(left))
                {
                    // `cb != null` holds when callable; `cb == null` when not.
                    Some(!negated)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    // ----- statements -----------------------------------------------------------------

    fn stmts(&mut self, stmts: &[Stmt], called: bool, ctx: Ctx) -> Out {
        let mut state = called;
        let mut exits = Vec::new();
        let mut breaks = None;
        for stmt in stmts {
            let out = self.stmt(stmt, state, ctx);
            exits.extend(out.exits);
            breaks = merge(breaks, out.breaks);
            match out.fall {
                Some(called) => state = called,
                None => {
                    return Out {
                        fall: None,
                        exits,
                        breaks,
                    };
                }
            }
        }
        Out {
            fall: Some(state),
            exits,
            breaks,
        }
    }

    fn stmt(&mut self, stmt: &Stmt, called: bool, ctx: Ctx) -> Out {
        match stmt {
            Stmt::Block(block) => self.stmts(&block.stmts, called, ctx),
            Stmt::Expr(expr) => self.expr_stmt(&expr.expr, called, ctx),
            Stmt::Decl(Decl::Var(var)) => {
                let mut state = called;
                let mut exits = Vec::new();
                for declarator in &var.decls {
                    if let Some(init) = &declarator.init {
                        if self.is_target_value(init) {
                            continue;
                        }
                        let out = self.expr(init, state, ctx);
                        state = out.called;
                        exits.extend(out.exits);
                    }
                }
                Out {
                    fall: Some(state),
                    exits,
                    breaks: None,
                }
            }
            Stmt::Return(ret) if self.replies_by_return => {
                let (called, mut exits) = match &ret.arg {
                    Some(arg) => {
                        let out = self.expr(arg, called, ctx);
                        (out.called, out.exits)
                    }
                    None => (called, Vec::new()),
                };
                match returned(ret.arg.as_deref()) {
                    Returned::Reply => {
                        self.calls += 1;
                        self.summary.direct = true;
                        self.summary.call_spans.push(self.span(ret.span));
                    }
                    Returned::Nothing if !called => {
                        exits.push(self.missing(ret.span, MissingKind::Return));
                    }
                    Returned::WsResponse if !called => {
                        exits.push(self.missing(ret.span, MissingKind::WsResponse));
                    }
                    _ => {}
                }
                Out {
                    fall: None,
                    exits,
                    breaks: None,
                }
            }
            Stmt::Return(ret) => {
                let (called, mut exits) = match &ret.arg {
                    Some(arg) => {
                        if self.is_target(arg) {
                            // Handing the target back to the caller: not ours to judge.
                            self.summary.escapes = true;
                        }
                        let out = self.expr(arg, called, ctx);
                        (out.called, out.exits)
                    }
                    None => (called, Vec::new()),
                };
                if !called {
                    exits.push(self.missing(ret.span, MissingKind::Return));
                }
                Out {
                    fall: None,
                    exits,
                    breaks: None,
                }
            }
            Stmt::Throw(throw) => {
                let out = self.expr(&throw.arg, called, ctx);
                let mut exits = out.exits;
                if !out.called && !ctx.caught {
                    exits.push(self.missing(throw.span, MissingKind::Throw));
                }
                Out {
                    fall: None,
                    exits,
                    breaks: None,
                }
            }
            Stmt::If(if_stmt) => self.if_stmt(if_stmt, called, ctx),
            Stmt::Switch(switch) => self.switch(switch, called, ctx),
            Stmt::Try(try_stmt) => self.try_stmt(try_stmt, called, ctx),
            Stmt::Labeled(labeled) => self.stmt(&labeled.body, called, ctx),
            Stmt::Break(_) => Out {
                fall: None,
                exits: Vec::new(),
                breaks: Some(called),
            },
            Stmt::Continue(_) => Out::default(),
            Stmt::While(w) => self.loop_body(Some(&w.test), &w.body, called, ctx, false),
            Stmt::DoWhile(d) => self.loop_body(Some(&d.test), &d.body, called, ctx, true),
            Stmt::For(f) => {
                let mut exits = Vec::new();
                let mut state = called;
                if let Some(VarDeclOrExpr::Expr(init)) = &f.init {
                    let out = self.expr(init, state, ctx);
                    state = out.called;
                    exits.extend(out.exits);
                }
                let mut out = self.loop_body(f.test.as_deref(), &f.body, state, ctx, true);
                out.exits.extend(exits);
                out
            }
            Stmt::ForIn(f) => {
                let out = self.expr(&f.right, called, ctx);
                let mut body = self.loop_body(None, &f.body, out.called, ctx, true);
                body.exits.extend(out.exits);
                body
            }
            Stmt::ForOf(f) => {
                let out = self.expr(&f.right, called, ctx);
                let mut body = self.loop_body(None, &f.body, out.called, ctx, true);
                body.exits.extend(out.exits);
                if f.is_await && !ctx.caught && !body.fall.unwrap_or(true) {
                    body.exits.push(self.missing(f.span, MissingKind::Reject));
                }
                body
            }
            // Nested declarations (an inner `function done() { resolve() }`, a class
            // whose method settles) run later, if at all: a target they mention may be
            // called from there, so no verdict.
            _ => {
                if self.mentions(stmt) {
                    self.summary.escapes = true;
                }
                Out::falls(called)
            }
        }
    }

    /// A `while` body may run zero times: what falls out is the state before it, and a
    /// `break` ends the loop, not the function. A `do…while` body runs at least once.
    /// A `for`/`for…of`/`for…in` body is judged as if it ran: a path that misses the
    /// call only because the loop ran zero times (an empty list) is not reported, since
    /// the code is written for the lists it iterates, and reporting every
    /// `for (const s of sockets) s.once("x", () => resolve())` buries real findings.
    fn loop_body(
        &mut self,
        test: Option<&Expr>,
        body: &Stmt,
        called: bool,
        ctx: Ctx,
        runs_once: bool,
    ) -> Out {
        let mut exits = Vec::new();
        let mut state = called;
        if let Some(test) = test {
            let out = self.expr(test, state, ctx);
            exits.extend(out.exits);
            state = out.called;
        }
        let body_out = self.stmt(body, state, ctx);
        exits.extend(body_out.exits);
        let infinite = test
            .is_none_or(|t| matches!(unwrap_expr(t), Expr::Lit(Lit::Bool(b)) if b.value))
            && matches!(body, Stmt::Block(_))
            && test.is_some();
        let fall = if infinite {
            body_out.breaks
        } else if runs_once {
            merge(body_out.fall, body_out.breaks).or(Some(state))
        } else {
            Some(state)
        };
        Out {
            fall,
            exits,
            breaks: None,
        }
    }

    fn if_stmt(&mut self, if_stmt: &IfStmt, called: bool, ctx: Ctx) -> Out {
        let test = self.expr(&if_stmt.test, called, ctx);
        let state = test.called;
        // In the branch where the target is not callable, nobody waits for it.
        let guard = self.guard(&if_stmt.test);
        self.summary.guarded |= guard.is_some();
        // `catch (e) { if (e instanceof Error) ... }`: what is thrown is an `Error` in
        // practice (the test is there for the type checker), so the other branch is
        // not a path anyone takes.
        let (cons_in, alt_in) = match guard.or_else(|| self.caught_error_test(&if_stmt.test)) {
            Some(false) => (state, true),
            Some(true) => (true, state),
            None => (state, state),
        };
        let cons = self.stmt(&if_stmt.cons, cons_in, ctx);
        let alt = match &if_stmt.alt {
            Some(alt) => self.stmt(alt, alt_in, ctx),
            None => Out::falls(alt_in),
        };
        let mut exits = test.exits;
        exits.extend(cons.exits);
        exits.extend(alt.exits);
        Out {
            fall: merge(cons.fall, alt.fall),
            exits,
            breaks: merge(cons.breaks, alt.breaks),
        }
    }

    fn switch(&mut self, switch: &SwitchStmt, called: bool, ctx: Ctx) -> Out {
        let disc = self.expr(&switch.discriminant, called, ctx);
        let state = disc.called;
        let mut exits = disc.exits;
        let mut fall_out: Option<bool> = None;
        // Fall-through: a case that does not break continues into the next one.
        let mut carried: Option<bool> = None;
        for case in &switch.cases {
            let entry = match carried {
                Some(prev) => prev && state,
                None => state,
            };
            let out = self.stmts(&case.cons, entry, ctx);
            exits.extend(out.exits);
            fall_out = merge(fall_out, out.breaks);
            carried = out.fall;
        }
        // The last case falls out of the switch.
        fall_out = merge(fall_out, carried);
        if !switch.cases.iter().any(|case| case.test.is_none()) {
            fall_out = merge(fall_out, Some(state));
        }
        Out {
            fall: fall_out,
            exits,
            breaks: None,
        }
    }

    fn try_stmt(&mut self, try_stmt: &TryStmt, called: bool, ctx: Ctx) -> Out {
        let has_catch = try_stmt.handler.is_some();
        let throw_calls_before = self.summary.throw_calls.len();
        let block = self.stmts(
            &try_stmt.block.stmts,
            called,
            Ctx {
                caught: ctx.caught || has_catch,
            },
        );
        let mut exits = block.exits;
        let mut fall = block.fall;
        if let Some(handler) = &try_stmt.handler {
            // Anything in the block may have thrown before the call.
            let caught = match &handler.param {
                Some(Pat::Ident(name)) => Some(name.id.sym.to_string()),
                _ => None,
            };
            let pushed = caught.is_some();
            self.caught_values.extend(caught);
            let catch = self.stmts(&handler.body.stmts, called, ctx);
            if pushed {
                self.caught_values.pop();
            }
            exits.extend(catch.exits);
            fall = merge(fall, catch.fall);
        }
        if let Some(finalizer) = &try_stmt.finalizer {
            let fin = self.stmts(&finalizer.stmts, false, ctx);
            if fin.fall == Some(true) {
                // A `finally` that calls the target covers every path through the try,
                // those where a helper throws included.
                exits.clear();
                self.summary.throw_calls.truncate(throw_calls_before);
                fall = fall.map(|_| true);
            } else {
                exits.extend(fin.exits);
                if fin.fall.is_none() {
                    fall = None;
                }
            }
        }
        Out {
            fall,
            exits,
            breaks: block.breaks,
        }
    }

    fn expr_stmt(&mut self, expr: &Expr, called: bool, ctx: Ctx) -> Out {
        self.statement_call = match unwrap_expr(expr) {
            Expr::Call(call) => Some(call as *const CallExpr),
            _ => None,
        };
        let out = self.expr(expr, called, ctx);
        self.statement_call = None;
        Out {
            fall: Some(out.called),
            exits: out.exits,
            breaks: None,
        }
    }

    // ----- expressions ----------------------------------------------------------------

    /// Evaluates an expression in (roughly) evaluation order.
    fn expr(&mut self, expr: &Expr, called: bool, ctx: Ctx) -> ExprOut {
        match expr {
            Expr::Paren(p) => self.expr(&p.expr, called, ctx),
            Expr::TsAs(e) => self.expr(&e.expr, called, ctx),
            Expr::TsNonNull(e) => self.expr(&e.expr, called, ctx),
            Expr::TsSatisfies(e) => self.expr(&e.expr, called, ctx),
            Expr::TsTypeAssertion(e) => self.expr(&e.expr, called, ctx),
            Expr::Await(await_expr) => {
                if let Expr::Call(call) = unwrap_expr(&await_expr.arg) {
                    self.awaited_call = Some(call as *const CallExpr);
                }
                let mut out = self.expr(&await_expr.arg, called, ctx);
                if !out.called && !ctx.caught {
                    out.exits
                        .push(self.missing(await_expr.span, MissingKind::Reject));
                }
                out
            }
            Expr::Call(call) => self.call(call, called, ctx),
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Call(opt) => {
                    let mut out = self.exprs(opt.args.iter().map(|a| &*a.expr), called, ctx);
                    if self.is_target(&opt.callee) {
                        // `cb?.(x)`: guarded by construction.
                        self.calls += 1;
                        self.summary.direct = true;
                        self.summary.guarded = true;
                        self.summary.call_spans.push(self.span(opt.span));
                        out.called = true;
                    }
                    out
                }
                OptChainBase::Member(member) => self.expr(&member.obj, called, ctx),
            },
            Expr::Bin(bin)
                if matches!(
                    bin.op,
                    BinaryOp::LogicalAnd | BinaryOp::LogicalOr | BinaryOp::NullishCoalescing
                ) =>
            {
                let left = self.expr(&bin.left, called, ctx);
                let right = self.expr(&bin.right, left.called, ctx);
                // `typeof cb === "function" && cb(x)`: the guard makes the call total.
                let guarded =
                    bin.op == BinaryOp::LogicalAnd && self.guard(&bin.left) == Some(false);
                if guarded {
                    self.summary.guarded = true;
                }
                let mut exits = left.exits;
                exits.extend(right.exits);
                ExprOut {
                    called: left.called || (guarded && right.called),
                    exits,
                }
            }
            Expr::Cond(cond) => {
                let test = self.expr(&cond.test, called, ctx);
                let guard = self.guard(&cond.test);
                self.summary.guarded |= guard.is_some();
                let (cons_in, alt_in) = match guard {
                    Some(false) => (test.called, true),
                    Some(true) => (true, test.called),
                    None => (test.called, test.called),
                };
                let cons = self.expr(&cond.cons, cons_in, ctx);
                let alt = self.expr(&cond.alt, alt_in, ctx);
                let mut exits = test.exits;
                exits.extend(cons.exits);
                exits.extend(alt.exits);
                ExprOut {
                    called: cons.called && alt.called,
                    exits,
                }
            }
            Expr::Bin(bin) => self.exprs([&*bin.left, &*bin.right].into_iter(), called, ctx),
            Expr::Seq(seq) => self.exprs(seq.exprs.iter().map(|e| &**e), called, ctx),
            Expr::Assign(assign) => {
                if self.is_target(&assign.right) {
                    self.summary.escapes = true;
                }
                self.expr(&assign.right, called, ctx)
            }
            Expr::Array(array) => {
                self.escape_check(array.elems.iter().flatten().map(|e| &*e.expr));
                self.exprs(array.elems.iter().flatten().map(|e| &*e.expr), called, ctx)
            }
            Expr::Object(object) => {
                for prop in &object.props {
                    match prop {
                        PropOrSpread::Prop(prop) => match &**prop {
                            Prop::Shorthand(ident) if self.targets.contains(&ident.sym) => {
                                self.summary.escapes = true;
                            }
                            Prop::KeyValue(kv) if self.is_target(&kv.value) => {
                                self.summary.escapes = true;
                            }
                            // `{ onClose() { resolve() } }`: called later, if at all.
                            Prop::Method(_) | Prop::Getter(_) | Prop::Setter(_)
                                if self.mentions(&**prop) =>
                            {
                                self.summary.escapes = true;
                            }
                            _ => {}
                        },
                        PropOrSpread::Spread(_) => {}
                    }
                }
                let values = object.props.iter().filter_map(|p| match p {
                    PropOrSpread::Prop(p) => match &**p {
                        Prop::KeyValue(kv) => Some(&*kv.value),
                        _ => None,
                    },
                    PropOrSpread::Spread(s) => Some(&*s.expr),
                });
                self.exprs(values, called, ctx)
            }
            Expr::Unary(unary) => self.expr(&unary.arg, called, ctx),
            Expr::Member(member) => {
                self.member_escape(member);
                self.expr(&member.obj, called, ctx)
            }
            Expr::New(new) => {
                // `new (class { done() { resolve() } })()`: a method may call it later.
                if self.mentions(&*new.callee) {
                    self.summary.escapes = true;
                }
                let args = new.args.iter().flatten().map(|a| &*a.expr);
                self.escape_check(new.args.iter().flatten().map(|a| &*a.expr));
                self.exprs(args, called, ctx)
            }
            Expr::Tpl(tpl) => self.exprs(tpl.exprs.iter().map(|e| &**e), called, ctx),
            Expr::Arrow(_) | Expr::Fn(_) | Expr::Class(_) => {
                // A closure that mentions the target may call it later: not ours to judge,
                // unless it is an argument (handled in `call`).
                if self.mentions_target(expr) {
                    self.summary.escapes = true;
                }
                ExprOut {
                    called,
                    exits: Vec::new(),
                }
            }
            // A bare target (`cb && cb()`, `typeof cb`) is read, not handed on; anything
            // else not followed above (JSX `onClose={() => resolve()}`, a tagged
            // template) may call it later: no verdict.
            Expr::Ident(_) => ExprOut {
                called,
                exits: Vec::new(),
            },
            _ => {
                if self.mentions(expr) {
                    self.summary.escapes = true;
                }
                ExprOut {
                    called,
                    exits: Vec::new(),
                }
            }
        }
    }

    /// `resolve.bind(null, v)`, `callback.name`: anything but `call`/`apply` on the
    /// target hands it on or keeps it, so no verdict.
    fn member_escape(&mut self, member: &MemberExpr) {
        if self.is_target(&member.obj)
            && !matches!(
                member_prop_name(&member.prop).as_deref(),
                Some("call" | "apply")
            )
        {
            self.summary.escapes = true;
        }
    }

    fn exprs<'e>(
        &mut self,
        exprs: impl Iterator<Item = &'e Expr>,
        called: bool,
        ctx: Ctx,
    ) -> ExprOut {
        let mut state = called;
        let mut exits = Vec::new();
        for expr in exprs {
            let out = self.expr(expr, state, ctx);
            state = out.called;
            exits.extend(out.exits);
        }
        ExprOut {
            called: state,
            exits,
        }
    }

    fn escape_check<'e>(&mut self, exprs: impl Iterator<Item = &'e Expr>) {
        for expr in exprs {
            if self.is_target(expr) {
                self.summary.escapes = true;
            }
        }
    }

    fn call(&mut self, call: &CallExpr, called: bool, ctx: Ctx) -> ExprOut {
        let Callee::Expr(callee) = &call.callee else {
            return self.exprs(call.args.iter().map(|a| &*a.expr), called, ctx);
        };
        let callee = unwrap_expr(callee);
        // `cb(x)`, `cb.call(this, x)`, `cb.apply(...)`.
        let direct = self.is_target(callee)
            || matches!(callee, Expr::Member(m)
                if self.is_target(&m.obj)
                    && matches!(member_prop_name(&m.prop).as_deref(), Some("call" | "apply")));
        if direct {
            let mut out = self.exprs(call.args.iter().map(|a| &*a.expr), called, ctx);
            self.calls += 1;
            self.summary.direct = true;
            self.summary.direct_spans.push(self.span(call.span));
            self.summary.call_spans.push(self.span(call.span));
            out.called = true;
            return out;
        }
        if let Some(out) = self.promise_chain(call, called, ctx) {
            return out;
        }
        // The callee expression is evaluated first (`foo.bar(...)` evaluates `foo`).
        let mut out = match callee {
            Expr::Member(member) => {
                self.member_escape(member);
                self.expr(&member.obj, called, ctx)
            }
            _ => ExprOut {
                called,
                exits: Vec::new(),
            },
        };
        for arg in &call.args {
            let arg_expr = unwrap_expr(&arg.expr);
            if self.is_target(arg_expr) {
                // Handed on: that function's answer is ours.
                let (handed_called, handed_exits) = self.handed(callee, call, arg_expr, ctx);
                out.called |= handed_called;
                out.exits.extend(handed_exits);
                continue;
            }
            let is_last = std::ptr::eq(arg, call.args.last().unwrap_or(arg));
            let ack_callback = is_last
                && matches!(callee, Expr::Member(m)
                    if matches!(member_prop_name(&m.prop).as_deref(), Some("emit" | "emitWithAck")));
            if let Some(inner) = self.inline_callback(arg_expr, ack_callback) {
                // `db.query(sql, (err, rows) => cb(rows))`: assumed to be called back.
                out.called |= inner.0;
                out.exits.extend(inner.1);
                continue;
            }
            let arg_out = self.expr(&arg.expr, out.called, ctx);
            out.called = arg_out.called;
            out.exits.extend(arg_out.exits);
        }
        if !out.called && !ctx.caught {
            self.note_throw_call(call, callee);
        }
        out
    }

    /// A call of a project function before the target, where a throw would leave the
    /// function: whether that function may throw is decided when linking. Methods known
    /// only by name are left out (any namesake would do), as are library calls.
    fn note_throw_call(&mut self, call: &CallExpr, callee: &Expr) {
        if self.awaited_call == Some(call as *const CallExpr) {
            // Its throw is the `await`'s rejection, already a path of its own.
            return;
        }
        if let Some(function @ (FnCallee::Local(_) | FnCallee::Import { .. })) =
            (self.resolve)(callee)
        {
            self.summary.throw_calls.push(ThrowCall {
                callee: function,
                span: self.span(call.span),
                in_callback: false,
            });
        }
    }

    /// The target passed to `helper(...)`: looked through when `helper` is a local
    /// function; otherwise assumed called (no evidence either way).
    fn handed(
        &mut self,
        callee: &Expr,
        call: &CallExpr,
        arg: &Expr,
        ctx: Ctx,
    ) -> (bool, Vec<Missing>) {
        let position = call
            .args
            .iter()
            .position(|a| std::ptr::eq(unwrap_expr(&a.expr), arg))
            .unwrap_or(0);
        let local = match callee {
            Expr::Ident(ident) => self.locals.get(&*ident.sym),
            _ => None,
        };
        let Some(local) = local.filter(|_| self.depth < MAX_LOOK_THROUGH) else {
            // A helper elsewhere in the project is judged when linking; anything else
            // (a library) is given the benefit of the doubt.
            self.calls += 1;
            self.summary.call_spans.push(self.span(call.span));
            if let Some(callee) = (self.resolve)(callee) {
                self.summary.delegations.push(Delegation {
                    callee,
                    index: position as u32,
                    span: self.span(call.span),
                    result_used: self.statement_call != Some(call as *const CallExpr),
                });
            }
            return (true, Vec::new());
        };
        let Some(inner) = summarize_depth(
            &local.params,
            &[position],
            local.body,
            self.locals,
            self.resolve,
            self.len,
            self.depth + 1,
        ) else {
            self.calls += 1;
            return (true, Vec::new());
        };
        // The helper's own calls that may throw before it calls the target, unless a
        // `try` around this call catches what they throw.
        if !ctx.caught {
            self.summary
                .throw_calls
                .extend(inner.throw_calls.iter().cloned());
        }
        match inner.calls {
            Calls::All | Calls::Unknown => {
                self.calls += 1;
                self.summary.call_spans.push(self.span(call.span));
                (true, Vec::new())
            }
            Calls::Some => {
                self.calls += 1;
                self.summary.call_spans.push(self.span(call.span));
                // The helper's own missing paths are in its body; point at the hand-off.
                (true, vec![self.missing(call.span, MissingKind::Delegated)])
            }
            Calls::Never => (false, Vec::new()),
        }
    }

    /// An inline function passed as an argument that calls the target: (called on all
    /// its paths, its missing paths). Only a callback known to run once (an ack, a
    /// promise reaction) can miss: a listener or timer that calls the target on some
    /// paths may simply run again until one does.
    fn inline_callback(&mut self, arg: &Expr, once: bool) -> Option<(bool, Vec<Missing>)> {
        if !matches!(arg, Expr::Arrow(_) | Expr::Fn(_)) || !self.mentions_target(arg) {
            return None;
        }
        let inner = self.closure_summary(arg)?;
        self.calls += 1;
        self.summary
            .call_spans
            .extend(inner.call_spans.iter().copied());
        self.summary.guarded |= inner.guarded;
        self.summary.direct |= inner.direct;
        if once {
            self.summary
                .throw_calls
                .extend(inner.throw_calls.iter().map(|call| ThrowCall {
                    in_callback: true,
                    ..call.clone()
                }));
        }
        match inner.calls {
            Calls::All => Some((true, Vec::new())),
            Calls::Unknown => {
                self.summary.escapes = true;
                Some((true, Vec::new()))
            }
            Calls::Some if once => Some((true, inner.missing)),
            Calls::Some => Some((true, Vec::new())),
            Calls::Never => Some((false, Vec::new())),
        }
    }

    /// Summary of the outer target inside a closure (the closure's own parameters that
    /// shadow it are not handled: rare in practice).
    fn closure_summary(&mut self, closure: &Expr) -> Option<Summary> {
        let body = match closure {
            Expr::Arrow(arrow) => match &*arrow.body {
                ArrowFunctionBody::FunctionBody(block) => {
                    Body::Block(&block.stmts, self.span(block.span).end)
                }
                ArrowFunctionBody::Expr(expr) => Body::Expr(expr),
            },
            Expr::Fn(function) => {
                let block = function.function.body.as_ref()?;
                Body::Block(&block.stmts, self.span(block.span).end)
            }
            _ => return None,
        };
        let flow = Flow {
            resolve: self.resolve,
            targets: self.targets.clone(),
            rest: self.rest.clone(),
            locals: self.locals,
            len: self.len,
            depth: self.depth,
            summary: Summary::default(),
            calls: 0,
            statement_call: None,
            awaited_call: None,
            caught_values: Vec::new(),
            // A closure's `return` answers its own caller, not the handler's.
            replies_by_return: false,
        };
        Some(flow.run(body))
    }

    /// `p.then(ok, fail)`, `.catch(fail)`, `.finally(both)`: which outcomes call the target.
    fn promise_chain(&mut self, call: &CallExpr, called: bool, ctx: Ctx) -> Option<ExprOut> {
        chain_link(call)?;
        if !self.mentions(call) {
            return None;
        }
        // Collect the links from the outermost call down to the promise they start from.
        let mut links: Vec<(&'static str, &CallExpr)> = Vec::new();
        let mut cursor = call;
        let base = loop {
            let Some((name, member)) = chain_link(cursor) else {
                break None;
            };
            links.push((name, cursor));
            match unwrap_expr(&member.obj) {
                Expr::Call(inner) if chain_link(inner).is_some() => cursor = inner,
                other => break Some(other),
            }
        };
        links.reverse();
        let mut out = match base {
            Some(base) => self.expr(base, called, ctx),
            None => ExprOut {
                called,
                exits: Vec::new(),
            },
        };
        let mut on_success = false;
        let mut on_failure = false;
        // Walked from the last link back: a rejection inside a `.then(async ...)`
        // reaction flows down the chain to a later `.catch(...)`, so when one of those
        // settles, the reaction's own rejected awaits and throws are covered.
        let mut failure_answered_later = false;
        for (name, link) in links.into_iter().rev() {
            let arg = |i: usize| link.args.get(i).map(|a| unwrap_expr(&a.expr));
            match name {
                "then" => {
                    let failure = self.answers(arg(1), false);
                    on_success |= self.answers(arg(0), failure_answered_later);
                    on_failure |= failure;
                    failure_answered_later |= failure;
                }
                "catch" => {
                    let failure = self.answers(arg(0), false);
                    on_failure |= failure;
                    failure_answered_later |= failure;
                }
                _ => {
                    let both = self.answers(arg(0), false);
                    on_success |= both;
                    on_failure |= both;
                    failure_answered_later |= both;
                }
            }
        }
        if on_success && !on_failure && !ctx.caught {
            out.exits.push(self.missing(call.span, MissingKind::Reject));
        }
        out.called |= on_success;
        Some(out)
    }

    /// Whether a promise reaction calls the target on all of its paths; with
    /// `failures_answered`, paths that leave it by a rejection or a throw count as
    /// answered (a later `.catch` settles them).
    fn answers(&mut self, reaction: Option<&Expr>, failures_answered: bool) -> bool {
        let Some(reaction) = reaction else {
            return false;
        };
        if self.is_target(reaction) {
            self.calls += 1;
            return true;
        }
        matches!(self.inline_callback(reaction, true), Some((true, missing))
            if missing.iter().all(|m| failures_answered
                && matches!(m.kind, MissingKind::Reject | MissingKind::Throw)))
    }

    fn mentions_target(&self, expr: &Expr) -> bool {
        self.mentions(expr)
    }

    fn mentions<N: for<'f> VisitWith<Finder<'f>>>(&self, node: &N) -> bool {
        let mut finder = Finder {
            targets: &self.targets,
            found: false,
        };
        node.visit_with(&mut finder);
        finder.found
    }
}

struct Finder<'f> {
    targets: &'f Targets,
    found: bool,
}

impl Visit for Finder<'_> {
    fn visit_ident(&mut self, ident: &Ident) {
        if self.targets.contains(&ident.sym) {
            self.found = true;
        }
    }
    // Once found, the rest of the tree cannot change the answer.
    fn visit_expr(&mut self, expr: &Expr) {
        if !self.found {
            expr.visit_children_with(self);
        }
    }
    fn visit_stmt(&mut self, stmt: &Stmt) {
        if !self.found {
            stmt.visit_children_with(self);
        }
    }
}

/// The names that hold the target (the parameter and its aliases): one to three, so
/// comparing each is cheaper than hashing the name of every identifier the analysis
/// reads.
#[derive(Clone, Default)]
struct Targets(Vec<String>);

impl Targets {
    fn insert(&mut self, name: String) {
        if !self.contains(&name) {
            self.0.push(name);
        }
    }

    fn contains(&self, name: &str) -> bool {
        self.0.iter().any(|target| target == name)
    }
}

/// `x.then(...)`, `x.catch(...)`, `x.finally(...)`.
fn chain_link(call: &CallExpr) -> Option<(&'static str, &MemberExpr)> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let Expr::Member(member) = unwrap_expr(callee) else {
        return None;
    };
    let name = match &*member_prop_name(&member.prop)? {
        "then" => "then",
        "catch" => "catch",
        "finally" => "finally",
        _ => return None,
    };
    Some((name, member))
}

use swc_common::Spanned;

/// The indexes of the parameters a named function calls (`cb(...)`) or hands on
/// (`f(cb)`), anywhere in its body, nested functions included (a closure may call
/// them), in order. Whether a call of it may throw is read by the walk itself (see
/// `functions.rs`).
pub(super) fn called_params(function: &LocalFn<'_>) -> Vec<usize> {
    let names: Vec<(usize, &str)> = function
        .params
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Pat::Ident(ident) => Some((i, &*ident.id.sym)),
            _ => None,
        })
        .collect();
    let mut walk = CalledParams {
        names: &names,
        called: Vec::new(),
    };
    if !names.is_empty() {
        match function.body {
            Body::Block(stmts, _) => stmts.visit_with(&mut walk),
            Body::Expr(expr) => expr.visit_with(&mut walk),
        }
    }
    walk.called.sort_unstable();
    walk.called
}

struct CalledParams<'n> {
    names: &'n [(usize, &'n str)],
    called: Vec<usize>,
}

impl CalledParams<'_> {
    fn note(&mut self, expr: &Expr) {
        if let Expr::Ident(ident) = unwrap_expr(expr)
            && let Some((index, _)) = self.names.iter().find(|(_, n)| *n == &*ident.sym)
            && !self.called.contains(index)
        {
            self.called.push(*index);
        }
    }
}

impl Visit for CalledParams<'_> {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee {
            self.note(callee);
        }
        // Handed on: the summary follows it.
        for arg in &call.args {
            self.note(&arg.expr);
        }
        call.visit_children_with(self);
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    /// How many `new Promise` executors with a path that settles nothing `body` gives.
    fn pending(body: &str) -> usize {
        let source = format!(
            "export const wait = () => new Promise((resolve, reject) => {{\n{body}\n}});\n"
        );
        crate::lang::ts::extract(&source, FileKind::Tsx, &[], None)
            .promises
            .len()
    }

    #[test]
    fn a_resolve_handed_on_or_called_from_a_nested_function_gets_no_verdict() {
        for body in [
            "if (!ready) return; later(resolve.bind(null, 1));",
            "if (!ready) return; const settlers = [resolve, reject]; register(settlers);",
            "if (!ready) return; function done() { resolve(); } register(done);",
            "if (!ready) return; register({ onDone() { resolve(); } });",
            "if (!ready) return; class Waiter { done() { resolve(); } } register(new Waiter());",
            "if (!ready) return; register(new (class { done() { resolve(); } })());",
            "if (!ready) return; render(<Modal onClose={() => resolve()} />);",
        ] {
            assert_eq!(pending(body), 0, "{body}");
        }
    }

    #[test]
    fn a_catch_later_in_the_chain_covers_the_rejections_of_an_async_then() {
        let reaction = "load().then(async (v) => { await save(v); resolve(v); })";
        assert_eq!(pending(&format!("{reaction}.catch(reject);")), 0);
        assert_eq!(pending(&format!("{reaction}.then(null, reject);")), 0);
        assert_eq!(pending(&format!("{reaction};")), 1);
        assert_eq!(
            pending("load().catch(reject).then(async (v) => { await save(v); resolve(v); });"),
            1
        );
    }

    #[test]
    fn a_for_loop_that_might_run_zero_times_is_judged_by_its_body() {
        assert_eq!(
            pending("for (const s of sockets) s.once(\"x\", () => resolve());"),
            0
        );
        assert_eq!(pending("for (let i = 0; i < n; i++) { resolve(i); }"), 0);
        assert_eq!(pending("for (const k in table) { resolve(k); }"), 0);
        // A body that misses on some pass is still reported, and so is `while`.
        assert_eq!(
            pending("for (const s of seats) { if (free(s)) { resolve(s); return; } }"),
            1
        );
        assert_eq!(pending("while (more()) { resolve(); }"), 1);
    }

    /// Of each named function of `source`: whether it throws itself, and how many
    /// project functions it calls where their throw would escape.
    fn throws(source: &str) -> Vec<(String, bool, usize)> {
        crate::lang::ts::extract(source, FileKind::Ts, &[], None)
            .functions
            .iter()
            .filter_map(|f| Some((f.name.clone()?, f.throws.itself, f.throws.via.len())))
            .collect()
    }

    #[test]
    fn a_function_may_throw_only_by_a_throw_its_own_catch_does_not_handle() {
        let found = throws(
            "import { check } from \"./check\";\n\
             function a(x) { if (!x) throw new Error(\"no\"); return x; }\n\
             function b(x) { try { a(x); throw 1; } catch { return 0; } }\n\
             async function c(x) { throw new Error(\"rejects\"); }\n\
             function d(x) { setTimeout(() => { throw new Error(\"later\"); }); JSON.parse(x); }\n\
             const e = (x) => { check(x); return a(x); };\n",
        );
        assert_eq!(
            found,
            [
                ("a".to_owned(), true, 0),
                ("b".to_owned(), false, 0),
                ("c".to_owned(), false, 0),
                ("d".to_owned(), false, 0),
                ("e".to_owned(), false, 2),
            ]
        );
    }

    #[test]
    fn a_helper_that_throws_in_the_executor_rejects_but_in_an_ack_leaves_it_pending() {
        let helper = "function parse(v) { if (!v) throw new Error(\"bad\"); return v; }\n";
        let pending_with = |body: &str| {
            let source = format!(
                "{helper}export const wait = () => new Promise((resolve, reject) => {{\n{body}\n}});\n"
            );
            crate::lang::ts::extract(&source, FileKind::Ts, &[], None)
                .promises
                .len()
        };
        assert_eq!(
            pending_with("const id = parse(raw); socket.emit(\"x\", id, resolve);"),
            0
        );
        assert_eq!(
            pending_with("socket.emit(\"x\", (res) => { const v = parse(res); resolve(v); });"),
            1
        );
        assert_eq!(
            pending_with(
                "socket.emit(\"x\", (res) => { try { resolve(parse(res)); } catch (e) { reject(e); } });"
            ),
            0
        );
        assert_eq!(
            pending_with(
                "socket.emit(\"x\", (res) => { try { parse(res); } finally { resolve(res); } });"
            ),
            0
        );
    }

    #[test]
    fn an_executor_that_returns_early_is_still_pending() {
        assert_eq!(pending("if (!ready) return; resolve();"), 1);
    }
}
