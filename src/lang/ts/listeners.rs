//! What a listener's body shows, read from its syntax alone: whether it runs once
//! (guarded by a flag it sets, by `hasListeners`, or removing its own event), whether a
//! React effect (or a Vue/Svelte component, through its unmount hook) cleans up its
//! listeners, whether it only logs, whether it looks up the
//! sender's own optimistic message, and which parameter names are acks.

use swc_common::Spanned;
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::syntax::{body_stmts, member_prop_name, unwrap_expr};
use crate::facts::Value;

/// Whether a listener looks up the sender's own optimistic message: it mentions a
/// temporary/client id or a pending set.
pub(super) fn matches_own_id(listener: &Expr) -> bool {
    if !matches!(unwrap_expr(listener), Expr::Arrow(_) | Expr::Fn(_)) {
        return false;
    }
    struct Finder(bool);
    impl Finder {
        fn check(&mut self, name: &str) {
            // The shortest marker has 5 letters: `e`, `id`, `data` cannot hold one.
            if self.0 || name.len() < 5 {
                return;
            }
            // Every identifier of the listener comes through here: a marker is tried
            // only where a letter that starts one is (each starts with its own), case
            // folded and underscores skipped as the name is read, without copying it.
            let bytes = name.as_bytes();
            for (start, first) in bytes.iter().enumerate() {
                let marker: &[u8] = match first.to_ascii_lowercase() {
                    b'c' => b"clientid",
                    b't' => b"tempid",
                    b'l' => b"localid",
                    b'o' => b"optimistic",
                    b'p' => b"pending",
                    b'n' => b"nonce",
                    _ => continue,
                };
                let mut rest = bytes[start + 1..]
                    .iter()
                    .filter(|&&b| b != b'_')
                    .map(u8::to_ascii_lowercase);
                if marker[1..]
                    .iter()
                    .all(|&letter| rest.next() == Some(letter))
                {
                    self.0 = true;
                    return;
                }
            }
        }
    }
    impl Visit for Finder {
        fn visit_ident(&mut self, ident: &Ident) {
            self.check(&ident.sym);
        }
        fn visit_ident_name(&mut self, ident: &IdentName) {
            self.check(&ident.sym);
        }
    }
    let mut finder = Finder(false);
    listener.visit_with(&mut finder);
    finder.0
}

/// Names that say a last parameter is an ack even when the body never calls it.
pub(super) fn is_ack_name(name: &str) -> bool {
    // Asked of every parameter of every function: compared without a lowercased copy.
    let contains = |word: &str| {
        (name.as_bytes().windows(word.len())).any(|at| at.eq_ignore_ascii_case(word.as_bytes()))
    };
    contains("callback")
        || contains("ack")
        || ["cb", "done", "fn", "respond", "reply", "resolve"]
            .iter()
            .any(|word| name.eq_ignore_ascii_case(word))
}

/// An effect that returns a cleanup which removes listeners (or closes the socket).
pub(super) fn effect_cleans_up(effect: &Expr) -> bool {
    let stmts = match unwrap_expr(effect) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => &block.stmts,
            ArrowFunctionBody::Expr(_) => return false,
        },
        Expr::Fn(function) => match &function.function.body {
            Some(block) => &block.stmts,
            None => return false,
        },
        _ => return false,
    };
    // Any `return` of the effect's own body counts, also one inside an `if` (an effect
    // that subscribes only once its data is loaded cleans up in that branch); the returns
    // of nested functions are theirs.
    struct Returns(bool);
    impl Visit for Returns {
        fn visit_return_stmt(&mut self, ret: &ReturnStmt) {
            self.0 |= match ret.arg.as_deref().map(unwrap_expr) {
                // A named cleanup function: trust it.
                Some(Expr::Ident(_)) => true,
                Some(cleanup @ (Expr::Arrow(_) | Expr::Fn(_))) => removes_listeners(cleanup),
                _ => false,
            };
        }
        fn visit_function(&mut self, _: &swc_ecma_ast::Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
        fn visit_class(&mut self, _: &Class) {}
    }
    let mut returns = Returns(false);
    stmts.visit_with(&mut returns);
    returns.0
}

/// A component lifecycle hook of Vue (`onMounted`, `onBeforeMount`, `onUnmounted`,
/// `onBeforeUnmount`) or Svelte (`onMount`, `onDestroy`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Lifecycle {
    /// Runs on every mount. Svelte's `onMount` may return its cleanup; Vue ignores what
    /// `onMounted` returns.
    Mount {
        returns_cleanup: bool,
    },
    Unmount,
}

pub(super) fn lifecycle(name: &str) -> Option<Lifecycle> {
    match name {
        "onMounted" | "onBeforeMount" => Some(Lifecycle::Mount {
            returns_cleanup: false,
        }),
        "onMount" => Some(Lifecycle::Mount {
            returns_cleanup: true,
        }),
        "onUnmounted" | "onBeforeUnmount" | "onDestroy" => Some(Lifecycle::Unmount),
        _ => None,
    }
}

/// Whether an unmount hook removes listeners: `socket.off(..)`-like calls, or a call
/// of a stored function (`unlisten()`, `unlisten.value()`, `off?.()`, `p.then((f) =>
/// f())`), which is how Tauri's `UnlistenFn` and most subscription APIs are undone.
/// `promises`: names that hold the Promise Tauri's `listen` returns, whose call undoes
/// nothing (it throws).
pub(super) fn unmount_removes(callback: &Expr, promises: &[&str]) -> bool {
    struct Calls<'p>(bool, &'p [&'p str]);
    impl Visit for Calls<'_> {
        fn visit_call_expr(&mut self, call: &CallExpr) {
            if let Callee::Expr(callee) = &call.callee {
                self.0 |= match unwrap_expr(callee) {
                    Expr::Ident(ident) => !self.1.contains(&&*ident.sym),
                    // Logging is not undoing anything.
                    Expr::Member(member) => !matches!(
                        unwrap_expr(&member.obj),
                        Expr::Ident(object) if &*object.sym == "console"
                    ),
                    _ => false,
                };
            }
            call.visit_children_with(self);
        }
        fn visit_opt_call(&mut self, call: &OptCall) {
            self.0 |= !matches!(unwrap_expr(&call.callee), Expr::Ident(ident)
                if self.1.contains(&&*ident.sym));
        }
    }
    if removes_listeners(callback) {
        return true;
    }
    let Some(stmts) = body_stmts(callback) else {
        // `onUnmounted(() => unlisten())`: an expression body.
        let mut calls = Calls(false, promises);
        callback.visit_with(&mut calls);
        return calls.0;
    };
    let mut calls = Calls(false, promises);
    stmts.visit_with(&mut calls);
    calls.0
}

/// The blocks of a listener that run at most once: an `if` (or `else if`) branch whose
/// test requires a flag to be unset (`!received && msg.type === "VARS"`) and which sets
/// it (`received = true`), a flag nothing in the file clears, as pad clients do on their
/// first state message.
pub(super) fn once_blocks(
    function: &Expr,
    cleared: &rustc_hash::FxHashSet<String>,
) -> Vec<(u32, u32)> {
    fn unset_flags(test: &Expr, out: &mut Vec<String>) {
        match unwrap_expr(test) {
            Expr::Bin(bin) if bin.op == BinaryOp::LogicalAnd => {
                unset_flags(&bin.left, out);
                unset_flags(&bin.right, out);
            }
            Expr::Unary(unary) if unary.op == UnaryOp::Bang => out.extend(flag_key(&unary.arg)),
            _ => {}
        }
    }
    fn visit(stmt: &Stmt, cleared: &rustc_hash::FxHashSet<String>, out: &mut Vec<(u32, u32)>) {
        let Stmt::If(if_stmt) = stmt else {
            return;
        };
        let mut flags = Vec::new();
        unset_flags(&if_stmt.test, &mut flags);
        let guarded: &[Stmt] = match &*if_stmt.cons {
            Stmt::Block(block) => &block.stmts,
            other => std::slice::from_ref(other),
        };
        let assigned: Vec<(String, bool)> = guarded.iter().filter_map(assigned_bool).collect();
        let sets_once = flags
            .iter()
            .any(|flag| assigned.contains(&(flag.clone(), true)) && !cleared.contains(flag));
        if sets_once {
            let span = if_stmt.cons.span();
            out.push((span.lo.0, span.hi.0));
        }
        if let Some(alt) = &if_stmt.alt {
            visit(alt, cleared, out);
        }
    }
    let mut out = Vec::new();
    for stmt in body_stmts(function).unwrap_or_default() {
        visit(stmt, cleared, &mut out);
    }
    out
}

/// A function guarded to do its work once: it tests a flag (`if (onceRef.current)
/// return;`, `if (!bound) { ... }`) that it also sets to `true` (`onceRef.current =
/// true`, `bound = true`), at its top level or in the guarded block, and never resets
/// to `false` there (a busy flag, `loading = false` at the end, guards nothing).
pub(super) fn runs_once(function: &Expr) -> bool {
    let Some(stmts) = body_stmts(function) else {
        return false;
    };
    let mut tested = Vec::new();
    let mut set = Vec::new();
    let mut reset = Vec::new();
    let mut note = |stmt: &Stmt| match assigned_bool(stmt) {
        Some((flag, true)) => set.push(flag),
        Some((flag, false)) => reset.push(flag),
        None => {}
    };
    for stmt in stmts {
        match stmt {
            Stmt::If(if_stmt) => {
                let mut test = unwrap_expr(&if_stmt.test);
                while let Expr::Unary(unary) = test
                    && unary.op == UnaryOp::Bang
                {
                    test = unwrap_expr(&unary.arg);
                }
                // `if (socket.hasListeners("x")) return;`: the socket is the flag.
                if is_has_listeners(test) {
                    return true;
                }
                tested.extend(flag_key(test));
                let guarded: &[Stmt] = match &*if_stmt.cons {
                    Stmt::Block(block) => &block.stmts,
                    other => std::slice::from_ref(other),
                };
                guarded.iter().for_each(&mut note);
            }
            other => note(other),
        }
    }
    tested
        .iter()
        .any(|flag| set.contains(flag) && !reset.contains(flag))
}

/// `socket.hasListeners(...)`.
fn is_has_listeners(test: &Expr) -> bool {
    matches!(test, Expr::Call(call)
        if matches!(&call.callee, Callee::Expr(callee)
            if matches!(unwrap_expr(callee), Expr::Member(m)
                if member_prop_name(&m.prop).as_deref() == Some("hasListeners"))))
}

/// `flag = true;`, `socketRef.current = io(url);` / `flag = false;`: the flag's key and
/// whether the value it gets is truthy (anything but `false`, `null`, `undefined`, `0`
/// or `""`).
fn assigned_bool(stmt: &Stmt) -> Option<(String, bool)> {
    let Stmt::Expr(expr) = stmt else {
        return None;
    };
    let Expr::Assign(assign) = unwrap_expr(&expr.expr) else {
        return None;
    };
    if assign.op != AssignOp::Assign {
        return None;
    }
    let truthy = match unwrap_expr(&assign.right) {
        Expr::Lit(Lit::Bool(value)) => value.value,
        Expr::Lit(Lit::Null(_)) => false,
        Expr::Lit(Lit::Num(n)) => n.value != 0.0,
        Expr::Lit(Lit::Str(s)) => !s.value.is_empty(),
        Expr::Ident(ident) => &*ident.sym != "undefined",
        _ => true,
    };
    let flag = match &assign.left {
        AssignTarget::Simple(SimpleAssignTarget::Ident(ident)) => ident.id.sym.as_str().to_owned(),
        AssignTarget::Simple(SimpleAssignTarget::Member(member)) => {
            flag_key(&Expr::Member(member.clone()))?
        }
        _ => return None,
    };
    Some((flag, truthy))
}

/// `bound`, `onceRef.current`, `this.listening`: a flag named the same way wherever
/// it is written.
pub(super) fn flag_key(expr: &Expr) -> Option<String> {
    match unwrap_expr(expr) {
        Expr::Ident(ident) => Some(ident.sym.as_str().to_owned()),
        Expr::This(_) => Some("this".to_owned()),
        Expr::Member(member) => {
            let prop = match &member.prop {
                MemberProp::Ident(ident) => ident.sym.as_str().to_owned(),
                _ => return None,
            };
            Some(format!("{}.{prop}", flag_key(&member.obj)?))
        }
        _ => None,
    }
}

/// A listener of `event` that removes listeners of `event` itself (`socket.off(event,
/// init)` inside `function init() {...}`): it runs once.
pub(super) fn removes_own_event(listener: &Expr, event: &Value) -> bool {
    let Some(event) = event.as_str() else {
        return false;
    };
    if !matches!(unwrap_expr(listener), Expr::Arrow(_) | Expr::Fn(_)) {
        return false;
    }
    struct Finder<'e> {
        event: &'e str,
        found: bool,
    }
    impl Visit for Finder<'_> {
        fn visit_call_expr(&mut self, call: &CallExpr) {
            if let Callee::Expr(callee) = &call.callee
                && let Expr::Member(member) = unwrap_expr(callee)
                && matches!(
                    member_prop_name(&member.prop).as_deref(),
                    Some("off" | "removeListener" | "removeAllListeners" | "removeEventListener")
                )
                && let Some(first) = call.args.first()
                && let Expr::Lit(Lit::Str(name)) = unwrap_expr(&first.expr)
                && name.value.to_string_lossy() == self.event
            {
                self.found = true;
            }
            call.visit_children_with(self);
        }
    }
    let mut finder = Finder {
        event,
        found: false,
    };
    listener.visit_with(&mut finder);
    finder.found
}

fn removes_listeners(cleanup: &Expr) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_member_prop(&mut self, prop: &MemberProp) {
            if let MemberProp::Ident(ident) = prop
                && matches!(
                    &*ident.sym,
                    "off"
                        | "removeListener"
                        | "removeAllListeners"
                        | "removeEventListener"
                        | "disconnect"
                        | "close"
                        | "offAny"
                )
            {
                self.0 = true;
            }
        }
    }
    let mut finder = Finder(false);
    cleanup.visit_with(&mut finder);
    finder.0
}

pub(super) fn mentions_any(expr: &Expr, names: &[String]) -> bool {
    struct Finder<'n>(&'n [String], bool);
    impl Visit for Finder<'_> {
        fn visit_ident(&mut self, ident: &Ident) {
            if self.0.iter().any(|n| n == &*ident.sym) {
                self.1 = true;
            }
        }
    }
    let mut finder = Finder(names, false);
    expr.visit_with(&mut finder);
    finder.1
}

/// A parameter default that can be called: a function written there or a named one
/// (`noop`, `_.noop`); `null` and `undefined` are not.
pub(super) fn default_is_callable(default: &Expr) -> bool {
    match unwrap_expr(default) {
        Expr::Arrow(_) | Expr::Fn(_) | Expr::Member(_) => true,
        Expr::Ident(ident) => &*ident.sym != "undefined",
        _ => false,
    }
}

/// A catch-all listener whose body only logs (`socket.onAny((e) => console.log(e))`).
pub(super) fn only_logs(listener: &Expr) -> bool {
    let body_stmts: Vec<&Stmt> = match unwrap_expr(listener) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(body) => body.stmts.iter().collect(),
            ArrowFunctionBody::Expr(expr) => return is_log_call(expr),
        },
        Expr::Fn(function) => match &function.function.body {
            Some(block) => block.stmts.iter().collect(),
            None => return false,
        },
        _ => return false,
    };
    body_stmts.iter().all(|stmt| match stmt {
        Stmt::Expr(expr) => is_log_call(&expr.expr),
        _ => false,
    })
}

fn is_log_call(expr: &Expr) -> bool {
    let Expr::Call(call) = unwrap_expr(expr) else {
        return false;
    };
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    match unwrap_expr(callee) {
        Expr::Member(member) => {
            matches!(&*member.obj, Expr::Ident(obj) if matches!(&*obj.sym, "console" | "logger" | "log"))
        }
        Expr::Ident(ident) => {
            let name = ident.sym.to_ascii_lowercase();
            name.contains("log") || name.contains("debug")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::ts::syntax::with_assigned;

    /// Whether the listener `listener`, through `x = <listener>;`, matches its own id.
    fn matches(listener: &str) -> bool {
        with_assigned(listener, matches_own_id)
    }

    #[test]
    fn ack_names_are_told_in_any_case() {
        for name in [
            "ack",
            "onAck",
            "CALLBACK",
            "myCallback",
            "cb",
            "Done",
            "RESOLVE",
        ] {
            assert!(is_ack_name(name), "{name}");
        }
        for name in [
            "socket", "cbs", "done2", "fnName", "resolver", "réponse", "ac",
        ] {
            assert!(!is_ack_name(name), "{name}");
        }
    }

    #[test]
    fn a_marker_is_found_in_any_case_and_across_underscores() {
        assert!(matches(
            "(m) => list.find((x) => x.clientId === m.client_id)"
        ));
        assert!(matches("(m) => { pending.delete(m.id); }"));
        assert!(matches("(m) => m.TEMP_ID"));
        assert!(matches("(m) => m.localId"));
        assert!(matches("(m) => applyOptimistic(m)"));
        assert!(matches("(m) => seen.has(m.n_o_n_c_e)"));
        // Past the stack buffer's length.
        assert!(matches(&format!("(m) => m.{}_pending", "a".repeat(80))));
        assert!(matches(&format!("(m) => m.{}Nonce", "a".repeat(63))));
        assert!(!matches(&format!("(m) => m.{}", "a".repeat(80))));
        assert!(!matches("(m) => { render(m.id, m.data); }"));
        assert!(!matches("(m) => m.client.id"));
        assert!(!matches("function (e) { return e.pend; }"));
        assert!(!matches("notAFunction"));
    }
}
