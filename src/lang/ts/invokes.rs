//! Tauri's JS API in a file that names it, read before the walk: the `Channel`s it makes
//! (`const ch = new Channel<T>(); ch.onmessage = ..`) and what each call's Promise is used
//! for (awaited, chained, returned, dropped), for the invokes `tauri.rs` records.

use rustc_hash::FxHashMap as HashMap;
use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::parse::to_span;
use super::syntax::unwrap_expr;
use crate::facts::{InvokePromise, Span};

/// The Tauri JS API's package, and its modules (`@tauri-apps/api/event`).
pub(super) const API: &str = "@tauri-apps/api";

/// `core` for `@tauri-apps/api/core`; `""` for the package itself; `None` for any
/// other module.
pub(super) fn api_module(specifier: &str) -> Option<&str> {
    let rest = specifier.strip_prefix(API)?;
    if rest.is_empty() {
        return Some("");
    }
    rest.strip_prefix('/')
}

/// What a file that names Tauri's JS API holds before the walk: its `Channel`s (`const
/// ch = new Channel<T>(); ch.onmessage = ..`) and what each call's Promise is used for.
/// Bindings are taken by name and position, not scope: a name stands for its nearest
/// declaration above, so two channels of one name in two functions keep their own
/// `onmessage`.
#[derive(Default)]
pub(super) struct Prescan {
    len: u32,
    /// The local names of `Channel` imported from `@tauri-apps/api/core`.
    channel_classes: Vec<String>,
    /// Namespace imports of the API or its `core` module (`core.Channel`).
    namespaces: Vec<String>,
    /// Channel bindings → their declarations in source order: where each starts and
    /// where the webview receives its messages.
    channels: HashMap<String, Vec<(u32, Option<Span>)>>,
    /// A call's span (swc's offsets: a chain's links all start where it starts) → what is
    /// done with its Promise, for the calls that are awaited, returned, chained or
    /// written as a statement.
    uses: HashMap<(u32, u32), Use>,
    /// `x.onmessage = ..` assignments, by `x`: kept for the channels once all are known.
    assigned_onmessage: Vec<(String, Span)>,
}

#[derive(Clone, Copy)]
enum Use {
    Promise(InvokePromise),
    /// `x.then(onFulfilled)` with no rejection handler: the chain's own use decides; the
    /// call whose span this is.
    ThenOf((u32, u32)),
}

impl Prescan {
    /// The channel `name` stands for at `at`: its nearest declaration above (the
    /// first, for a use above them all), with where it receives messages.
    pub(super) fn channel_at(&self, name: &str, at: u32) -> Option<Option<Span>> {
        let declarations = self.channels.get(name)?;
        let nearest = declarations
            .iter()
            .rev()
            .find(|(start, _)| *start <= at)
            .or(declarations.first())?;
        Some(nearest.1)
    }

    /// `new Channel(handler?)` of Tauri's API: the handler's span when it has one.
    pub(super) fn new_channel(&self, new: &NewExpr) -> Option<Option<Span>> {
        let is_channel = match unwrap_expr(&new.callee) {
            Expr::Ident(ident) => self.channel_classes.iter().any(|c| *c == *ident.sym),
            Expr::Member(member) => {
                matches!(&member.prop, MemberProp::Ident(prop) if &*prop.sym == "Channel")
                    && matches!(unwrap_expr(&member.obj), Expr::Ident(object)
                        if self.namespaces.iter().any(|n| *n == *object.sym))
            }
            _ => false,
        };
        is_channel.then(|| {
            new.args
                .as_deref()
                .and_then(|args| args.first())
                .map(|handler| to_span(handler.expr.span(), self.len))
        })
    }

    /// What is done with the Promise of the call at `span`.
    pub(super) fn promise_of(&self, span: swc_common::Span) -> InvokePromise {
        let mut at = key(span);
        // A chain of `.then(f)` is as handled as its last link; bounded by its length.
        for _ in 0..64 {
            match self.uses.get(&at) {
                Some(Use::Promise(promise)) => return *promise,
                Some(Use::ThenOf(outer)) => at = *outer,
                None => return InvokePromise::Kept,
            }
        }
        InvokePromise::Kept
    }
}

fn key(span: swc_common::Span) -> (u32, u32) {
    (span.lo.0, span.hi.0)
}

/// Reads what [`Prescan`] holds; runs only on files that name the API.
pub(super) fn prescan(program: &Program, len: u32) -> Prescan {
    let mut prescan = Prescan {
        len,
        ..Prescan::default()
    };
    if let Program::Module(module) = program {
        for item in &module.body {
            let ModuleItem::ModuleDecl(ModuleDecl::Import(import)) = item else {
                continue;
            };
            let Some(module_name) =
                api_module(&import.src.value.to_string_lossy()).map(str::to_owned)
            else {
                continue;
            };
            for specifier in &import.specifiers {
                match specifier {
                    ImportSpecifier::Named(named) => {
                        let imported = match &named.imported {
                            Some(ModuleExportName::Ident(ident)) => ident.sym.as_str().to_owned(),
                            Some(ModuleExportName::Str(text)) => {
                                text.value.to_string_lossy().into_owned()
                            }
                            None => named.local.sym.as_str().to_owned(),
                        };
                        match (module_name.as_str(), imported.as_str()) {
                            ("core", "Channel") => prescan
                                .channel_classes
                                .push(named.local.sym.as_str().to_owned()),
                            ("", "core") => {
                                prescan.namespaces.push(named.local.sym.as_str().to_owned())
                            }
                            _ => {}
                        }
                    }
                    ImportSpecifier::Namespace(namespace) if module_name == "core" => {
                        prescan
                            .namespaces
                            .push(namespace.local.sym.as_str().to_owned());
                    }
                    _ => {}
                }
            }
        }
    }
    program.visit_with(&mut prescan);
    // Each assignment is the nearest declaration's above it (the first one's, above
    // them all: a handler set in a hoisted function).
    for (name, span) in std::mem::take(&mut prescan.assigned_onmessage) {
        if let Some(declarations) = prescan.channels.get_mut(&name) {
            let nearest = match declarations
                .iter()
                .rposition(|(start, _)| *start <= span.start)
            {
                Some(i) => declarations.get_mut(i),
                None => declarations.first_mut(),
            };
            if let Some((_, onmessage)) = nearest {
                onmessage.get_or_insert(span);
            }
        }
    }
    prescan
}

impl Visit for Prescan {
    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Ident(binding), Some(init)) = (&declarator.name, &declarator.init)
            && let Expr::New(new) = unwrap_expr(init)
            && let Some(handler) = self.new_channel(new)
        {
            let start = to_span(declarator.span, self.len).start;
            self.channels
                .entry(binding.id.sym.as_str().to_owned())
                .or_default()
                .push((start, handler));
        }
        declarator.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        // `ch.onmessage = (message) => ..`, after `ch` is declared or before (hoisted
        // functions): recorded for any name, kept only for channels below.
        if let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = &assign.left
            && matches!(&member.prop, MemberProp::Ident(prop) if &*prop.sym == "onmessage")
            && let Expr::Ident(object) = unwrap_expr(&member.obj)
        {
            let span = to_span(assign.span, self.len);
            self.onmessage_assigned(object.sym.as_str(), span);
        }
        assign.visit_children_with(self);
    }

    fn visit_await_expr(&mut self, await_expr: &AwaitExpr) {
        if let Expr::Call(call) = unwrap_expr(&await_expr.arg) {
            self.uses
                .insert(key(call.span), Use::Promise(InvokePromise::Awaited));
        }
        await_expr.visit_children_with(self);
    }

    fn visit_expr_stmt(&mut self, stmt: &ExprStmt) {
        let expr = match unwrap_expr(&stmt.expr) {
            // `void invoke(..)`: dropped on purpose, dropped still.
            Expr::Unary(unary) if unary.op == UnaryOp::Void => unwrap_expr(&unary.arg),
            expr => expr,
        };
        if let Expr::Call(call) = expr {
            self.uses
                .insert(key(call.span), Use::Promise(InvokePromise::Dropped));
        }
        stmt.visit_children_with(self);
    }

    fn visit_return_stmt(&mut self, ret: &ReturnStmt) {
        if let Some(arg) = &ret.arg
            && let Expr::Call(call) = unwrap_expr(arg)
        {
            self.uses
                .insert(key(call.span), Use::Promise(InvokePromise::Returned));
        }
        ret.visit_children_with(self);
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        if let ArrowFunctionBody::Expr(body) = &*arrow.body
            && let Expr::Call(call) = unwrap_expr(body)
        {
            self.uses
                .insert(key(call.span), Use::Promise(InvokePromise::Returned));
        }
        arrow.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee
            && let Expr::Member(member) = unwrap_expr(callee)
            && let MemberProp::Ident(method) = &member.prop
            && let Expr::Call(inner) = unwrap_expr(&member.obj)
        {
            let chained = match &*method.sym {
                "catch" => Some(Use::Promise(InvokePromise::Chained)),
                "then" if call.args.len() >= 2 => Some(Use::Promise(InvokePromise::Chained)),
                "then" | "finally" => Some(Use::ThenOf(key(call.span))),
                _ => None,
            };
            if let Some(chained) = chained {
                self.uses.insert(key(inner.span), chained);
            }
        }
        call.visit_children_with(self);
    }
}

impl Prescan {
    fn onmessage_assigned(&mut self, name: &str, span: Span) {
        self.assigned_onmessage.push((name.to_owned(), span));
    }
}
