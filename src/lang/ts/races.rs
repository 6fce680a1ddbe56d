//! Promises that are meant to stay pending: an input of `Promise.race` / `Promise.any`
//! beside another input. "Resolve with the first value that passes a test" is written
//! as `Promise.race(inputs.map((p) => new Promise((resolve) => p.then((v) => test(v) &&
//! resolve(v)))).concat(fallback))`: the mapped promises never settle on purpose, and
//! the race settles through the fallback. `await-never-resolves` leaves those alone.
//!
//! One pass over the file collects what each variable holds (`const xs = ...`,
//! `xs.push(...)`) and the inputs of each race; [`Races::exempt`] then keeps the pending
//! promises that feed a race with another input.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::parse::to_span;
use super::syntax::{member_prop_name, unwrap_expr};

/// One input of a race, as far as the file tells.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Input {
    /// A `new Promise(...)` starting at this offset (as in `facts::Span::start`).
    Promise(u32),
    /// The values a variable holds.
    Name(String),
    /// Anything else: a call, a parameter, a timer promise.
    Other,
}

#[derive(Default)]
pub(super) struct Races {
    len: u32,
    /// What each variable is given, in any order: its initialiser, pushed values.
    held: HashMap<String, Vec<Input>>,
    /// The inputs of each `Promise.race` / `Promise.any` call.
    races: Vec<Vec<Input>>,
    /// How often each name is mentioned, and how many of those mentions are accounted
    /// for above (its declaration, `push`, a race or another holder's input): a name
    /// mentioned elsewhere (`await p`) lets its promises out of the race.
    mentions: HashMap<String, u32>,
    accounted: HashMap<String, u32>,
}

impl Races {
    pub(super) fn of(program: &Program, len: u32) -> Races {
        let mut races = Races {
            len,
            ..Races::default()
        };
        program.visit_with(&mut races);
        races
    }

    /// The starts of the `pending` promises that are raced beside an input that may
    /// settle (anything but another of the `pending` promises).
    pub(super) fn exempt(&self, pending: &HashSet<u32>) -> HashSet<u32> {
        let mut exempt = HashSet::default();
        for race in &self.races {
            let mut inputs = Vec::new();
            let mut seen = HashSet::default();
            for input in race {
                self.expand(input, false, &mut seen, &mut inputs);
            }
            let settles = inputs.iter().any(|(input, _)| match input {
                Input::Promise(start) => !pending.contains(start),
                _ => true,
            });
            if settles && inputs.len() >= 2 {
                exempt.extend(
                    inputs
                        .iter()
                        .filter_map(|(input, used_elsewhere)| match input {
                            Input::Promise(start) if pending.contains(start) && !used_elsewhere => {
                                Some(*start)
                            }
                            _ => None,
                        }),
                );
            }
        }
        exempt
    }

    /// Replaces variables by what they hold (each variable once: `xs = xs.concat(..)`),
    /// noting the inputs reached through a name that is also used outside the race.
    fn expand<'s>(
        &'s self,
        input: &'s Input,
        used_elsewhere: bool,
        seen: &mut HashSet<&'s str>,
        out: &mut Vec<(Input, bool)>,
    ) {
        match input {
            Input::Name(name) => match self.held.get(name) {
                Some(held) => {
                    let used_elsewhere =
                        used_elsewhere || self.mentions.get(name) > self.accounted.get(name);
                    if seen.insert(name) {
                        for input in held {
                            self.expand(input, used_elsewhere, seen, out);
                        }
                    }
                }
                // A parameter or an import: may be anything, a timeout included.
                None => out.push((Input::Other, used_elsewhere)),
            },
            other => out.push((other.clone(), used_elsewhere)),
        }
    }

    fn account(&mut self, name: &str) {
        *self.accounted.entry(name.to_owned()).or_default() += 1;
    }

    /// Counts the names among `inputs` as accounted for.
    fn account_inputs(&mut self, inputs: &[Input]) {
        for input in inputs {
            if let Input::Name(name) = input {
                self.account(name);
            }
        }
    }

    /// The promises an expression yields, as race inputs.
    fn inputs(&self, expr: &Expr, out: &mut Vec<Input>) {
        match unwrap_expr(expr) {
            Expr::New(new) if is_promise_ctor(new) => {
                out.push(Input::Promise(to_span(new.span, self.len).start));
            }
            Expr::Ident(ident) => out.push(Input::Name(ident.sym.as_str().to_owned())),
            Expr::Array(array) => {
                for element in array.elems.iter().flatten() {
                    self.inputs(&element.expr, out);
                }
            }
            Expr::Call(call) => match method_call(call) {
                // `xs.map((x) => new Promise(...))`: what the mapper returns.
                Some((_, "map")) => match call.args.first().map(|a| unwrap_expr(&a.expr)) {
                    Some(mapper) => self.returned(mapper, out),
                    None => out.push(Input::Other),
                },
                // `xs.concat(ys)`, `[...].concat(fallback)`.
                Some((object, "concat")) => {
                    self.inputs(object, out);
                    for arg in &call.args {
                        self.inputs(&arg.expr, out);
                    }
                }
                _ => out.push(Input::Other),
            },
            _ => out.push(Input::Other),
        }
    }

    /// What a mapper function returns.
    fn returned(&self, function: &Expr, out: &mut Vec<Input>) {
        let stmts = match function {
            Expr::Arrow(arrow) => match &*arrow.body {
                ArrowFunctionBody::Expr(expr) => return self.inputs(expr, out),
                ArrowFunctionBody::FunctionBody(block) => &block.stmts,
            },
            Expr::Fn(function) => match &function.function.body {
                Some(block) => &block.stmts,
                None => return out.push(Input::Other),
            },
            _ => return out.push(Input::Other),
        };
        match stmts.last() {
            Some(Stmt::Return(ReturnStmt { arg: Some(arg), .. })) => self.inputs(arg, out),
            _ => out.push(Input::Other),
        }
    }

    fn hold(&mut self, name: String, expr: &Expr) {
        let mut inputs = Vec::new();
        self.inputs(expr, &mut inputs);
        self.account_inputs(&inputs);
        self.held.entry(name).or_default().extend(inputs);
    }
}

impl Visit for Races {
    fn visit_ident(&mut self, ident: &Ident) {
        *self
            .mentions
            .entry(ident.sym.as_str().to_owned())
            .or_default() += 1;
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let (Pat::Ident(name), Some(init)) = (&declarator.name, &declarator.init) {
            self.account(&name.id.sym);
            self.hold(name.id.sym.as_str().to_owned(), init);
        }
        declarator.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Ident(name)) = &assign.left {
            self.account(&name.id.sym);
            self.hold(name.id.sym.as_str().to_owned(), &assign.right);
        }
        assign.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, call: &CallExpr) {
        match method_call(call) {
            // `xs.push(p, q)`.
            Some((Expr::Ident(object), "push")) => {
                self.account(&object.sym);
                for arg in &call.args {
                    self.hold(object.sym.as_str().to_owned(), &arg.expr);
                }
            }
            Some((Expr::Ident(object), "race" | "any")) if &*object.sym == "Promise" => {
                let mut inputs = Vec::new();
                if let Some(arg) = call.args.first() {
                    self.inputs(&arg.expr, &mut inputs);
                }
                self.account_inputs(&inputs);
                self.races.push(inputs);
            }
            _ => {}
        }
        call.visit_children_with(self);
    }

    // Types hold no promises.
    fn visit_ts_type(&mut self, _: &TsType) {}
}

fn is_promise_ctor(new: &NewExpr) -> bool {
    matches!(&*new.callee, Expr::Ident(ident) if &*ident.sym == "Promise")
}

/// `object.method(...)`: the object and the method name.
fn method_call(call: &CallExpr) -> Option<(&Expr, &str)> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let Expr::Member(member) = unwrap_expr(callee) else {
        return None;
    };
    let name = match member_prop_name(&member.prop)? {
        std::borrow::Cow::Borrowed(name) => name,
        std::borrow::Cow::Owned(_) => return None,
    };
    Some((unwrap_expr(&member.obj), name))
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    fn pending(source: &str) -> usize {
        crate::lang::ts::extract(source, FileKind::Js, &[], None)
            .promises
            .len()
    }

    const NEVER: &str = "new Promise((resolve) => p.then((v) => test(v) && resolve(v)))";

    #[test]
    fn a_promise_raced_beside_one_that_may_settle_is_intentional() {
        assert_eq!(pending(&format!("Promise.race([{NEVER}, sleep(100)]);")), 0);
        assert_eq!(
            pending(&format!(
                "const all = ps.map((p) => {NEVER});\nall.push(Promise.all(ps));\nPromise.any(all);"
            )),
            0
        );
        assert_eq!(
            pending(&format!(
                "const all = ps.map((p) => {{ return {NEVER}; }}).concat([fallback]);\nPromise.race(all);"
            )),
            0
        );
    }

    #[test]
    fn a_promise_raced_alone_or_only_with_other_pending_ones_is_reported() {
        assert_eq!(pending(&format!("Promise.race([{NEVER}]);")), 1);
        assert_eq!(pending(&format!("Promise.race([{NEVER}, {NEVER}]);")), 2);
        assert_eq!(pending(&format!("const x = {NEVER};\nawait x;")), 1);
        // Raced, but also awaited on its own: that `await` can hang.
        assert_eq!(
            pending(&format!(
                "const x = {NEVER};\nPromise.race([x, sleep(100)]);\nawait x;"
            )),
            1
        );
        assert_eq!(
            pending(&format!(
                "const x = {NEVER};\nPromise.race([x, sleep(100)]);"
            )),
            0
        );
    }
}
