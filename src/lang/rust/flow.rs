//! All-paths analysis for Rust: does every path through a handler call `ack.send(...)`?
//!
//! The same one-bit walk as the TypeScript `flow.rs` ("the ack has been sent on every
//! path that reaches here"), over Rust's control flow: `if`/`else`, `match` arms, loops
//! with `break`/`continue`, `return`, `let ... else`, and `?`, which returns the error
//! before the rest of the body runs. An ack moved into `tokio::spawn(async move { ... })`
//! is followed into the task; one handed to a function of this file is followed into
//! that function; one handed to any other function is recorded as a delegation that
//! linking judges. Any other use of the ack (stored, captured by a closure, named in a
//! macro) makes the answer unknown, which keeps every rule quiet.

use rustc_hash::FxHashMap as HashMap;

use proc_macro2::{TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Block, Expr, Pat, Stmt, Type};

use super::syntax::{strip, strip_pat, to_span};
use crate::facts::{Callee, Calls, Delegation, Missing, MissingKind, Span, Summary};
use crate::lang::paths::{Out, merge};

/// A parameter as written: `ack: AckSender`, or `socket` in an untyped closure.
#[derive(Clone, Copy)]
pub(super) struct Param<'a> {
    pub pat: &'a Pat,
    pub ty: Option<&'a Type>,
}

#[derive(Clone, Copy)]
pub(super) enum Body<'a> {
    Block(&'a Block),
    Expr(&'a Expr),
}

impl<'a> Body<'a> {
    /// The body of a closure: an `async` block or a block is looked into as a block.
    pub fn of_closure(body: &'a Expr) -> Body<'a> {
        match body {
            Expr::Async(inner) => Body::Block(&inner.block),
            Expr::Block(inner) if inner.label.is_none() => Body::Block(&inner.block),
            other => Body::Expr(other),
        }
    }
}

/// A function of this file, for handlers named by path and helpers handed an ack.
#[derive(Clone)]
pub(super) struct LocalFn<'a> {
    pub params: Vec<Param<'a>>,
    pub body: Body<'a>,
}

pub(super) type LocalFns<'a> = HashMap<String, LocalFn<'a>>;

/// How deep `helper(ack)` is followed into functions of this file.
const MAX_LOOK_THROUGH: u32 = 2;

/// Summarises how the parameter called `target` is sent in `body`.
pub(super) fn summarize(target: &str, body: Body<'_>, locals: &LocalFns<'_>, len: u32) -> Summary {
    summarize_depth(target, body, locals, len, 0)
}

fn summarize_depth(
    target: &str,
    body: Body<'_>,
    locals: &LocalFns<'_>,
    len: u32,
    depth: u32,
) -> Summary {
    let mut flow = Flow {
        target,
        locals,
        len,
        depth,
        summary: Summary::default(),
        calls: 0,
        statement_expr: None,
    };
    let (out, end) = match body {
        Body::Block(block) => (
            flow.block(block, false),
            to_span(block.brace_token.span.close(), len),
        ),
        Body::Expr(expr) => (flow.expr(expr, false), to_span(expr.span(), len)),
    };
    let mut summary = flow
        .summary
        .close(out.exits, out.fall == Some(false), end, flow.calls);
    // `AckSender::send` does nothing when the client asked for no ack: sending is
    // always safe, like a guarded JS callback.
    summary.guarded = true;
    summary
}

/// Runs `next` from where `out` left off, if control gets there.
fn then(mut out: Out, next: impl FnOnce(bool) -> Out) -> Out {
    let Some(sent) = out.fall else {
        return out;
    };
    let after = next(sent);
    out.fall = after.fall;
    out.exits.extend(after.exits);
    out.breaks = merge(out.breaks, after.breaks);
    out
}

struct Flow<'l, 'a> {
    target: &'l str,
    locals: &'l LocalFns<'a>,
    len: u32,
    depth: u32,
    summary: Summary,
    /// Sends and hand-offs of the ack, on any path.
    calls: u32,
    /// Where the expression of the statement being walked starts, when its value is
    /// thrown away (`helper(ack);`): a call starting there has its result unused.
    statement_expr: Option<u32>,
}

impl Flow<'_, '_> {
    fn span(&self, node: &impl Spanned) -> Span {
        to_span(node.span(), self.len)
    }

    fn is_target(&self, expr: &Expr) -> bool {
        match strip(expr) {
            Expr::Path(path) => path.qself.is_none() && path.path.is_ident(self.target),
            _ => false,
        }
    }

    /// `ack`, `ack.bin(...)`: the receiver of a `send` that is this ack.
    fn is_target_chain(&self, expr: &Expr) -> bool {
        match strip(expr) {
            Expr::MethodCall(call) if call.method == "bin" => self.is_target_chain(&call.receiver),
            expr => self.is_target(expr),
        }
    }

    fn escape(&mut self) {
        self.summary.escapes = true;
    }

    fn missing(&self, node: &impl Spanned, kind: MissingKind) -> Missing {
        Missing {
            span: self.span(node),
            kind,
        }
    }

    // ----- statements -----------------------------------------------------------------

    fn block(&mut self, block: &Block, sent: bool) -> Out {
        let mut out = Out::falls(sent);
        for stmt in &block.stmts {
            out = then(out, |sent| self.stmt(stmt, sent));
            if out.fall.is_none() {
                break;
            }
        }
        out
    }

    fn stmt(&mut self, stmt: &Stmt, sent: bool) -> Out {
        match stmt {
            Stmt::Local(local) => {
                let Some(init) = &local.init else {
                    return Out::falls(sent);
                };
                let out = self.expr(&init.expr, sent);
                match &init.diverge {
                    // `let Some(x) = ... else { return; };`: the `else` block leaves, and
                    // its paths are the function's.
                    Some((_, otherwise)) => {
                        let Some(after_init) = out.fall else {
                            return out;
                        };
                        let other = self.expr(otherwise, after_init);
                        Out {
                            fall: out.fall,
                            exits: out.exits.into_iter().chain(other.exits).collect(),
                            breaks: merge(out.breaks, other.breaks),
                        }
                    }
                    None => out,
                }
            }
            Stmt::Item(_) => Out::falls(sent),
            Stmt::Expr(expr, semi) => {
                self.statement_expr = semi.is_some().then(|| self.span(expr).start);
                self.expr(expr, sent)
            }
            Stmt::Macro(mac) => self.mac(&mac.mac, sent),
        }
    }

    /// Macros are opaque: a panic ends the path (a crash is not a wiring path to
    /// report), and one that names the ack hides what it does with it.
    fn mac(&mut self, mac: &syn::Macro, sent: bool) -> Out {
        let name = mac.path.segments.last().map(|s| s.ident.to_string());
        if matches!(
            name.as_deref(),
            Some("panic" | "unreachable" | "todo" | "unimplemented")
        ) {
            return Out::default();
        }
        if tokens_mention(&mac.tokens, self.target) {
            self.escape();
        }
        Out::falls(sent)
    }

    // ----- expressions ----------------------------------------------------------------

    fn exprs<'e>(&mut self, exprs: impl IntoIterator<Item = &'e Expr>, sent: bool) -> Out {
        let mut out = Out::falls(sent);
        for expr in exprs {
            out = then(out, |sent| self.expr(expr, sent));
            if out.fall.is_none() {
                break;
            }
        }
        out
    }

    fn expr(&mut self, expr: &Expr, sent: bool) -> Out {
        match expr {
            Expr::Path(_) => {
                if self.is_target(expr) {
                    // Moved somewhere this analysis does not follow.
                    self.escape();
                }
                Out::falls(sent)
            }
            Expr::MethodCall(call) => self.method_call(call, sent),
            Expr::Call(call) => self.call(call, sent),
            Expr::Await(inner) => self.expr(&inner.base, sent),
            Expr::Try(inner) => {
                let mut out = self.expr(&inner.expr, sent);
                if out.fall == Some(false) {
                    out.exits.push(self.missing(inner, MissingKind::Try));
                }
                out
            }
            Expr::Return(ret) => {
                let mut out = match &ret.expr {
                    Some(value) => self.expr(value, sent),
                    None => Out::falls(sent),
                };
                if out.fall == Some(false) {
                    out.exits.push(self.missing(ret, MissingKind::Return));
                }
                out.fall = None;
                out
            }
            Expr::If(if_expr) => {
                let cond = self.expr(&if_expr.cond, sent);
                let Some(after_cond) = cond.fall else {
                    return cond;
                };
                let then = self.block(&if_expr.then_branch, after_cond);
                let otherwise = match &if_expr.else_branch {
                    Some((_, otherwise)) => self.expr(otherwise, after_cond),
                    None => Out::falls(after_cond),
                };
                Out {
                    fall: merge(then.fall, otherwise.fall),
                    exits: cond
                        .exits
                        .into_iter()
                        .chain(then.exits)
                        .chain(otherwise.exits)
                        .collect(),
                    breaks: merge(cond.breaks, merge(then.breaks, otherwise.breaks)),
                }
            }
            Expr::Let(let_expr) => self.expr(&let_expr.expr, sent),
            Expr::Match(match_expr) => {
                let scrutinee = self.expr(&match_expr.expr, sent);
                let Some(after) = scrutinee.fall else {
                    return scrutinee;
                };
                let mut out = Out {
                    fall: None,
                    exits: scrutinee.exits,
                    breaks: scrutinee.breaks,
                };
                for arm in &match_expr.arms {
                    let mut arm_out = Out::falls(after);
                    if let Some((_, guard)) = &arm.guard {
                        arm_out = then(arm_out, |sent| self.expr(guard, sent));
                    }
                    let arm_out = then(arm_out, |sent| self.expr(&arm.body, sent));
                    out.fall = merge(out.fall, arm_out.fall);
                    out.exits.extend(arm_out.exits);
                    out.breaks = merge(out.breaks, arm_out.breaks);
                }
                out
            }
            Expr::Block(block) => self.block(&block.block, sent),
            Expr::Unsafe(block) => self.block(&block.block, sent),
            Expr::Loop(loop_expr) => {
                let body = self.block(&loop_expr.body, sent);
                // Only a `break` leaves a `loop`.
                Out {
                    fall: body.breaks,
                    exits: body.exits,
                    breaks: None,
                }
            }
            Expr::While(while_expr) => {
                let cond = self.expr(&while_expr.cond, sent);
                let Some(after_cond) = cond.fall else {
                    return cond;
                };
                let body = self.block(&while_expr.body, after_cond);
                // The body may run zero times: a send inside it does not count after it.
                Out {
                    fall: merge(Some(after_cond), merge(body.fall, body.breaks)),
                    exits: cond.exits.into_iter().chain(body.exits).collect(),
                    breaks: cond.breaks,
                }
            }
            Expr::ForLoop(for_loop) => {
                let iter = self.expr(&for_loop.expr, sent);
                let Some(after_iter) = iter.fall else {
                    return iter;
                };
                let body = self.block(&for_loop.body, after_iter);
                // Judged by its body, as in the TypeScript analysis: a path that misses
                // the send only because the iterator was empty is not reported.
                Out {
                    fall: merge(body.fall, body.breaks).or(Some(after_iter)),
                    exits: iter.exits.into_iter().chain(body.exits).collect(),
                    breaks: iter.breaks,
                }
            }
            Expr::Break(break_expr) => {
                let mut out = match &break_expr.expr {
                    Some(value) => self.expr(value, sent),
                    None => Out::falls(sent),
                };
                out.breaks = merge(out.breaks, out.fall);
                out.fall = None;
                out
            }
            // Back to the loop head, whose state the loop already accounts for.
            Expr::Continue(_) => Out::default(),
            Expr::Closure(closure) => {
                if mentions(&closure.body, self.target) {
                    self.escape();
                }
                Out::falls(sent)
            }
            Expr::Async(block) => {
                // A future that is stored or returned: when it runs is not known here.
                if block_mentions(&block.block, self.target) {
                    self.escape();
                }
                Out::falls(sent)
            }
            Expr::Macro(mac) => self.mac(&mac.mac, sent),
            Expr::Binary(binary) => {
                let left = self.expr(&binary.left, sent);
                let Some(after_left) = left.fall else {
                    return left;
                };
                let right = self.expr(&binary.right, after_left);
                let short_circuit = matches!(binary.op, syn::BinOp::And(_) | syn::BinOp::Or(_));
                Out {
                    // `a && b`: `b` may not run.
                    fall: if short_circuit {
                        merge(Some(after_left), right.fall)
                    } else {
                        right.fall
                    },
                    exits: left.exits.into_iter().chain(right.exits).collect(),
                    breaks: merge(left.breaks, right.breaks),
                }
            }
            Expr::Assign(assign) => self.exprs([&*assign.right, &*assign.left], sent),
            Expr::Array(array) => self.exprs(&array.elems, sent),
            Expr::Tuple(tuple) => self.exprs(&tuple.elems, sent),
            Expr::Struct(strukt) => {
                let fields = strukt.fields.iter().map(|f| &f.expr);
                self.exprs(fields.chain(strukt.rest.as_deref()), sent)
            }
            Expr::Field(field) => self.expr(&field.base, sent),
            Expr::Index(index) => self.exprs([&*index.expr, &*index.index], sent),
            Expr::Paren(inner) => self.expr(&inner.expr, sent),
            Expr::Group(inner) => self.expr(&inner.expr, sent),
            Expr::Reference(inner) => self.expr(&inner.expr, sent),
            Expr::Unary(inner) => self.expr(&inner.expr, sent),
            Expr::Cast(inner) => self.expr(&inner.expr, sent),
            Expr::Range(range) => self.exprs(
                range.start.iter().chain(range.end.iter()).map(|e| &**e),
                sent,
            ),
            Expr::Repeat(repeat) => self.expr(&repeat.expr, sent),
            _ => Out::falls(sent),
        }
    }

    fn method_call(&mut self, call: &syn::ExprMethodCall, sent: bool) -> Out {
        if self.is_target_chain(&call.receiver) {
            if call.method != "send" {
                self.escape();
                return Out::falls(sent);
            }
            let mut out = self.exprs(&call.args, sent);
            if out.fall.is_some() {
                let span = self.span(call);
                self.calls += 1;
                self.summary.direct = true;
                self.summary.direct_spans.push(span);
                self.summary.call_spans.push(span);
                out.fall = Some(true);
            }
            return out;
        }
        let statement = self.statement_expr;
        let mut out = self.expr(&call.receiver, sent);
        for (index, arg) in call.args.iter().enumerate() {
            out = then(out, |sent| {
                if self.is_target(arg) {
                    let callee = Callee::Named(call.method.to_string());
                    let result_used = statement != Some(self.span(call).start);
                    self.handed(None, callee, index, call, result_used, sent)
                } else {
                    self.expr(arg, sent)
                }
            });
        }
        out
    }

    fn call(&mut self, call: &syn::ExprCall, sent: bool) -> Out {
        let name = match strip(&call.func) {
            Expr::Path(path) if path.qself.is_none() => path
                .path
                .segments
                .last()
                .map(|s| (s.ident.to_string(), path.path.segments.len() == 1)),
            _ => None,
        };
        // `tokio::spawn(async move { ...; ack.send(..) })`: the task carries the ack on.
        if let Some((callee, _)) = &name
            && matches!(callee.as_str(), "spawn" | "spawn_local" | "spawn_blocking")
            && let Some(task) = call.args.first()
            && mentions(task, self.target)
        {
            return match strip(task) {
                Expr::Async(block) => self.task(&block.block, sent),
                Expr::Closure(closure) => match Body::of_closure(&closure.body) {
                    Body::Block(block) => self.task(block, sent),
                    Body::Expr(body) => self.expr(body, sent),
                },
                _ => {
                    self.escape();
                    Out::falls(sent)
                }
            };
        }
        let statement = self.statement_expr;
        let mut out = Out::falls(sent);
        for (index, arg) in call.args.iter().enumerate() {
            out = then(out, |sent| {
                if !self.is_target(arg) {
                    return self.expr(arg, sent);
                }
                match &name {
                    // Dropping the ack answers nothing on this path.
                    Some((callee, _)) if callee == "drop" => Out::falls(sent),
                    Some((callee, local)) => {
                        let result_used = statement != Some(self.span(call).start);
                        let local = local.then_some(callee.as_str());
                        self.handed(
                            local,
                            Callee::Named(callee.clone()),
                            index,
                            call,
                            result_used,
                            sent,
                        )
                    }
                    None => {
                        self.escape();
                        Out::falls(sent)
                    }
                }
            });
        }
        out
    }

    /// The body of a spawned task: its `return`s and `?`s end the task, and so the
    /// ack's last chance.
    fn task(&mut self, block: &Block, sent: bool) -> Out {
        let mut out = self.block(block, sent);
        out.fall = Some(out.fall.unwrap_or(true));
        out.breaks = None;
        out
    }

    /// The ack handed to `callee` at `index`: looked through when it is a function of
    /// this file; otherwise a delegation that linking judges, assumed to send until then.
    fn handed(
        &mut self,
        local: Option<&str>,
        callee: Callee,
        index: usize,
        call: &impl Spanned,
        result_used: bool,
        sent: bool,
    ) -> Out {
        let span = self.span(call);
        let helper = local
            .and_then(|name| self.locals.get(name))
            .filter(|_| self.depth < MAX_LOOK_THROUGH);
        let Some(helper) = helper else {
            self.calls += 1;
            self.summary.call_spans.push(span);
            self.summary.delegations.push(Delegation {
                callee,
                index: index as u32,
                span,
                result_used,
            });
            return Out::falls(true);
        };
        let Some(Pat::Ident(param)) = helper.params.get(index).map(|p| strip_pat(p.pat)) else {
            self.calls += 1;
            return Out::falls(true);
        };
        let inner = summarize_depth(
            &param.ident.to_string(),
            helper.body,
            self.locals,
            self.len,
            self.depth + 1,
        );
        match inner.calls {
            Calls::All | Calls::Unknown => {
                self.calls += 1;
                self.summary.call_spans.push(span);
                Out::falls(true)
            }
            Calls::Some => {
                self.calls += 1;
                self.summary.call_spans.push(span);
                // The hand-off, and the helper's own paths (in this file) that miss.
                let mut exits = inner.missing;
                exits.push(Missing {
                    span,
                    kind: MissingKind::Delegated,
                });
                Out {
                    fall: Some(true),
                    exits,
                    breaks: None,
                }
            }
            Calls::Never => Out::falls(sent),
        }
    }
}

/// Whether an expression names `ident` anywhere, macro arguments included.
pub(super) fn mentions(expr: &Expr, ident: &str) -> bool {
    let mut finder = Finder {
        ident,
        found: false,
    };
    finder.visit_expr(expr);
    finder.found
}

fn block_mentions(block: &Block, ident: &str) -> bool {
    let mut finder = Finder {
        ident,
        found: false,
    };
    finder.visit_block(block);
    finder.found
}

struct Finder<'n> {
    ident: &'n str,
    found: bool,
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_ident(&mut self, ident: &'ast syn::Ident) {
        self.found |= ident == self.ident;
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        syn::visit::visit_macro(self, mac);
        self.found |= tokens_mention(&mac.tokens, self.ident);
    }
}

fn tokens_mention(tokens: &TokenStream, ident: &str) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(found) => found == ident,
        TokenTree::Group(group) => tokens_mention(&group.stream(), ident),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summary of `ack` in the body of the first function of `code`.
    fn ack_summary(code: &str) -> Summary {
        let file: syn::File = syn::parse_str(code).expect("parses");
        let mut locals = LocalFns::default();
        for item in &file.items {
            if let syn::Item::Fn(function) = item {
                locals.insert(
                    function.sig.ident.to_string(),
                    LocalFn {
                        params: function
                            .sig
                            .inputs
                            .iter()
                            .filter_map(|arg| match arg {
                                syn::FnArg::Typed(typed) => Some(Param {
                                    pat: &typed.pat,
                                    ty: Some(&typed.ty),
                                }),
                                syn::FnArg::Receiver(_) => None,
                            })
                            .collect(),
                        body: Body::Block(&function.block),
                    },
                );
            }
        }
        let Some(syn::Item::Fn(first)) = file.items.first() else {
            panic!("a function first");
        };
        let summary = summarize("ack", Body::Block(&first.block), &locals, code.len() as u32);
        proc_macro2::extra::invalidate_current_thread_spans();
        summary
    }

    fn kinds(summary: &Summary) -> Vec<MissingKind> {
        summary.missing.iter().map(|m| m.kind).collect()
    }

    #[test]
    fn a_for_loop_is_judged_by_its_body() {
        let first = ack_summary(
            "async fn h(ack: AckSender, d: Data<Vec<u32>>) { for x in d.0 { ack.send(&x).ok(); break; } }",
        );
        assert_eq!(first.calls, Calls::All);
        let found = ack_summary(
            "async fn h(ack: AckSender, d: Data<Vec<u32>>) { for x in d.0 { if x > 1 { ack.send(&x).ok(); return; } } }",
        );
        assert_eq!(found.calls, Calls::Some);
        assert_eq!(kinds(&found), [MissingKind::End]);
    }

    #[test]
    fn sent_at_the_end_is_sent_on_all_paths() {
        let s = ack_summary("async fn h(ack: AckSender) { let x = 1; ack.send(&x).ok(); }");
        assert_eq!(s.calls, Calls::All);
    }

    #[test]
    fn question_mark_before_send_leaves_without_it() {
        let s = ack_summary(
            "async fn h(ack: AckSender) { let m = db.save().await?; ack.send(&m).ok(); }",
        );
        assert_eq!(s.calls, Calls::Some);
        assert_eq!(kinds(&s), [MissingKind::Try]);
    }

    #[test]
    fn question_mark_after_send_is_fine() {
        let s =
            ack_summary("fn h(ack: AckSender) -> Result<(), E> { ack.send(&1)?; db.x()?; Ok(()) }");
        assert_eq!(s.calls, Calls::All);
    }

    #[test]
    fn branches_returns_and_let_else() {
        let s = ack_summary(
            "fn h(ack: AckSender, d: D) { if d.ok { ack.send(&1).ok(); } else { ack.send(&2).ok(); } }",
        );
        assert_eq!(s.calls, Calls::All);
        let s =
            ack_summary("fn h(ack: AckSender, d: D) { if d.bad { return; } ack.send(&1).ok(); }");
        assert_eq!(kinds(&s), [MissingKind::Return]);
        let s = ack_summary(
            "fn h(ack: AckSender, d: D) { let Some(x) = d.x else { return; }; ack.send(&x).ok(); }",
        );
        assert_eq!(kinds(&s), [MissingKind::Return]);
        let s = ack_summary("fn h(ack: AckSender, d: D) { if d.ok { ack.send(&1).ok(); } }");
        assert_eq!(kinds(&s), [MissingKind::End]);
    }

    #[test]
    fn match_arms_and_loops() {
        let s = ack_summary(
            "fn h(ack: AckSender, d: D) { match d { A => { ack.send(&1).ok(); } B => return, _ => { ack.send(&2).ok(); } } }",
        );
        assert_eq!(kinds(&s), [MissingKind::Return]);
        let s = ack_summary(
            "fn h(ack: AckSender, d: D) { for x in d { if x { ack.send(&1).ok(); break; } } }",
        );
        assert_eq!(kinds(&s), [MissingKind::End]);
        let s = ack_summary(
            "fn h(ack: AckSender) { loop { if ready() { ack.send(&1).ok(); break; } } }",
        );
        assert_eq!(s.calls, Calls::All);
    }

    #[test]
    fn spawned_tasks_and_helpers_are_followed() {
        let s = ack_summary(
            "fn h(ack: AckSender) { tokio::spawn(async move { let r = work().await?; ack.send(&r).ok(); Ok::<_, E>(()) }); }",
        );
        assert_eq!(kinds(&s), [MissingKind::Try]);
        let s = ack_summary(
            "fn h(ack: AckSender) { reply(ack, 1); } fn reply(a: AckSender, x: u8) { if x > 0 { a.send(&x).ok(); } }",
        );
        assert_eq!(kinds(&s), [MissingKind::Delegated, MissingKind::End]);
        let s = ack_summary("fn h(ack: AckSender) { other::reply(ack); }");
        assert_eq!(s.calls, Calls::All);
        assert_eq!(s.delegations.len(), 1);
    }

    #[test]
    fn unknown_uses_give_no_verdict() {
        let s = ack_summary("fn h(ack: AckSender) { let f = move || ack.send(&1); f(); }");
        assert_eq!(s.calls, Calls::Unknown);
        let s = ack_summary("fn h(ack: AckSender) { select!(ack); }");
        assert_eq!(s.calls, Calls::Unknown);
        let s = ack_summary("fn h(ack: AckSender) { info!(\"x\"); }");
        assert_eq!(s.calls, Calls::Never);
    }
}
