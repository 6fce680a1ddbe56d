//! Evidence that a value is data, not a function.
//!
//! Whether an emit asks for an ack is told by its last argument: a function is the ack,
//! anything else is payload. When the argument's kind is unknown the emit's ack and
//! arity are unknown, and the ack and arity rules stay quiet. So "not a function" is
//! claimed only on evidence — how the value is written, what it was initialised from,
//! its TypeScript type, a builtin known to return data — never on how a name reads:
//! `this.onDone` and `props.callback` are functions as often as `item.id` is data.

use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::listeners::is_ack_name;
use super::syntax::unwrap_expr;
use crate::facts::Value;

impl Extractor<'_> {
    /// Whether `expr` is a function: `Some(false)` only on evidence that it is data,
    /// `None` when it cannot be told.
    pub(super) fn is_function(&self, expr: &Expr) -> Option<bool> {
        // `itemId as number`: the assertion is evidence before it is looked through.
        if let Expr::TsAs(assertion) = expr
            && is_data_type(&assertion.type_ann)
        {
            return Some(false);
        }
        match unwrap_expr(expr) {
            Expr::Arrow(_) | Expr::Fn(_) => Some(true),
            // `let x = 1; ... x = done;`: the initialiser no longer tells.
            Expr::Ident(ident) if self.reassigned.contains(&*ident.sym) => {
                is_ack_name(&ident.sym).then_some(true)
            }
            Expr::Ident(ident) => match self.lookup(&ident.sym) {
                Some(Binding::Func(_)) => Some(true),
                Some(Binding::Data) => Some(false),
                Some(Binding::Entries(entries)) => entries.is_function(),
                // A string or object constant; an unknown value destructured from
                // somewhere, or a member of an import, may still be a function.
                Some(Binding::Value(Value::Unknown | Value::Import { .. })) => {
                    is_ack_name(&ident.sym).then_some(true)
                }
                Some(Binding::Value(_)) => Some(false),
                None if &*ident.sym == "undefined" => Some(false),
                _ if is_ack_name(&ident.sym) => Some(true),
                _ => None,
            },
            Expr::Member(member) => match super::syntax::member_prop_name(&member.prop) {
                Some(name) if is_ack_name(&name) => Some(true),
                // Strings and arrays have a numeric `length`; a function's `length`
                // is a number too.
                Some(name) if name == "length" => Some(false),
                // `this.count` of a class whose every write of it is data.
                Some(name)
                    if matches!(unwrap_expr(&member.obj), Expr::This(_))
                        && self
                            .data_fields
                            .last()
                            .is_some_and(|data| data.contains(&*name)) =>
                {
                    Some(false)
                }
                // A member of a constant object written in this file (`EVENTS.x`,
                // `defaults.room`): a string or an object, never a function.
                _ => match self.value(expr) {
                    Value::Str(_) | Value::Literal { .. } | Value::Object(_) | Value::Concat(_) => {
                        Some(false)
                    }
                    _ => None,
                },
            },
            Expr::Lit(_)
            | Expr::Object(_)
            | Expr::Array(_)
            | Expr::Tpl(_)
            | Expr::TaggedTpl(_)
            | Expr::Unary(_)
            | Expr::Update(_) => Some(false),
            Expr::Bin(bin) => match bin.op {
                // `callback || noop` is a function, `data ?? {}` is data: either side
                // may be the value.
                BinaryOp::LogicalOr | BinaryOp::LogicalAnd | BinaryOp::NullishCoalescing => {
                    either(self.is_function(&bin.left), self.is_function(&bin.right))
                }
                _ => Some(false),
            },
            Expr::Cond(cond) => either(self.is_function(&cond.cons), self.is_function(&cond.alt)),
            Expr::New(new) => match unwrap_expr(&new.callee) {
                Expr::Ident(class) if &*class.sym == "Function" => Some(true),
                _ => Some(false),
            },
            Expr::Call(call) => returns_data(call).then_some(false),
            _ => None,
        }
    }
}

/// An array of strings: `Object.keys(x)` (of anything), `s.split(",")`, a list of string
/// literals, and what `filter`/`slice`/`sort`/`reverse`/`concat` make of one. Its
/// elements (`Object.keys(m).filter(...).forEach((id) => ...)`) are data.
pub(super) fn is_string_array(expr: &Expr) -> bool {
    match unwrap_expr(expr) {
        Expr::Array(array) => array.elems.iter().all(|element| {
            element.as_ref().is_some_and(|element| {
                element.spread.is_none()
                    && matches!(
                        unwrap_expr(&element.expr),
                        Expr::Lit(Lit::Str(_)) | Expr::Tpl(_)
                    )
            })
        }),
        Expr::Call(call) => {
            let Callee::Expr(callee) = &call.callee else {
                return false;
            };
            let Expr::Member(member) = unwrap_expr(callee) else {
                return false;
            };
            match super::syntax::member_prop_name(&member.prop).as_deref() {
                Some("keys") => {
                    matches!(unwrap_expr(&member.obj), Expr::Ident(object) if &*object.sym == "Object")
                }
                Some("split") => true,
                Some(
                    "filter" | "slice" | "sort" | "reverse" | "concat" | "toSorted" | "toReversed",
                ) => is_string_array(&member.obj),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `null` or `undefined`: what a field holds until it is given its value, which may be
/// a function set from anywhere; no evidence either way.
pub(super) fn is_placeholder(expr: &Expr) -> bool {
    match unwrap_expr(expr) {
        Expr::Lit(Lit::Null(_)) => true,
        Expr::Ident(ident) => &*ident.sym == "undefined",
        Expr::Unary(unary) => unary.op == UnaryOp::Void,
        _ => false,
    }
}

/// What a value that is one of two is: a function if either may be one, data if both
/// are, else unknown.
fn either(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// A call of a builtin known to return data (`String(id)`, `JSON.stringify(x)`,
/// `Date.now()`, `name.trim()`, `ids.join(",")`). `.bind(...)`, `.find(...)` and
/// project functions may return functions, so they stay unknown.
fn returns_data(call: &CallExpr) -> bool {
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    match unwrap_expr(callee) {
        Expr::Ident(function) => matches!(
            &*function.sym,
            "String"
                | "Number"
                | "Boolean"
                | "BigInt"
                | "parseInt"
                | "parseFloat"
                | "encodeURIComponent"
        ),
        Expr::Member(member) => {
            let Some(method) = super::syntax::member_prop_name(&member.prop) else {
                return false;
            };
            let on_global = |names: &[&str]| matches!(unwrap_expr(&member.obj), Expr::Ident(object) if names.contains(&&*object.sym));
            match &*method {
                "stringify" => on_global(&["JSON"]),
                "now" => on_global(&["Date"]),
                "keys" | "values" | "entries" => on_global(&["Object"]),
                _ if on_global(&["Math"]) => true,
                "toString" | "toFixed" | "toISOString" | "toJSON" | "toLowerCase"
                | "toUpperCase" | "trim" | "join" | "split" | "padStart" | "padEnd"
                | "substring" | "includes" | "indexOf" | "getTime" | "filter" | "slice"
                | "concat" => true,
                _ => false,
            }
        }
        _ => false,
    }
}

/// A type of plain values — primitives, literal types, arrays of them and unions of
/// those — that holds neither a function nor anything reached through it. A parameter
/// typed so is data; one typed with an object type is not made data, because its
/// members (`deps.io`, `props.socket`) are still followed to the sockets they hold.
pub(super) fn is_scalar_type(ty: &TsType) -> bool {
    match ty {
        TsType::TsKeywordType(_) | TsType::TsLitType(_) => is_data_type(ty),
        TsType::TsArrayType(array) => is_scalar_type(&array.elem_type),
        TsType::TsParenthesizedType(inner) => is_scalar_type(&inner.type_ann),
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
            union.types.iter().all(|member| is_scalar_type(member))
        }
        _ => false,
    }
}

/// A TypeScript type that no function has: primitives, literal types, arrays, tuples
/// and object types without call signatures, or a union of those. `any`, `unknown`,
/// `object`, `Function` and named types (which may alias a function type) are not.
pub(super) fn is_data_type(ty: &TsType) -> bool {
    match ty {
        TsType::TsKeywordType(keyword) => matches!(
            keyword.kind,
            TsKeywordTypeKind::TsNumberKeyword
                | TsKeywordTypeKind::TsStringKeyword
                | TsKeywordTypeKind::TsBooleanKeyword
                | TsKeywordTypeKind::TsBigIntKeyword
                | TsKeywordTypeKind::TsNullKeyword
                | TsKeywordTypeKind::TsUndefinedKeyword
                | TsKeywordTypeKind::TsSymbolKeyword
        ),
        TsType::TsLitType(_) | TsType::TsArrayType(_) | TsType::TsTupleType(_) => true,
        TsType::TsTypeLit(literal) => literal.members.iter().all(|member| {
            !matches!(
                member,
                TsTypeElement::TsCallSignatureDecl(_) | TsTypeElement::TsConstructSignatureDecl(_)
            )
        }),
        TsType::TsParenthesizedType(inner) => is_data_type(&inner.type_ann),
        TsType::TsUnionOrIntersectionType(TsUnionOrIntersectionType::TsUnionType(union)) => {
            union.types.iter().all(|member| is_data_type(member))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    /// Whether the one emit in `body` (after a client socket is made) knows its ack.
    fn ack_known(body: &str) -> (bool, bool) {
        let source = format!(
            "import {{ io }} from \"socket.io-client\";\nconst socket = io(\"http://localhost:3000\");\n{body}\n"
        );
        let facts = crate::lang::ts::extract(&source, FileKind::Ts, &[], None);
        let emit = facts.emits.last().expect("one emit");
        (emit.ack_known, emit.ack_callback)
    }

    #[test]
    fn data_by_evidence_is_no_ack() {
        for body in [
            "socket.emit(\"a\", 1 + 2);",
            "function f(id: number) { socket.emit(\"a\", id); }",
            "const id = Number(input.value);\nsocket.emit(\"a\", id);",
            "const E = { x: \"x\" };\nsocket.emit(\"a\", E.x);",
            "socket.emit(\"a\", items.length);",
            "socket.emit(\"a\", JSON.stringify(x));",
            "for (const ev of [\"x\", \"y\"]) socket.emit(\"a\", ev);",
            "Object.keys(selected).filter((id) => ok(id)).forEach((id) => socket.emit(\"a\", id));",
            "for (const id of Object.keys(selected)) socket.emit(\"a\", id);",
            "socket.emit(\"a\", id as string);",
            "const payload = { id: f() };\nsocket.emit(\"a\", payload);",
            "class A { page = 0; f() { this.page += 1; socket.emit(\"a\", this.page); } }",
            "class A { constructor(private id: number) {} f() { socket.emit(\"a\", this.id); } }",
        ] {
            assert_eq!(ack_known(body), (true, false), "{body}");
        }
    }

    #[test]
    fn functions_and_values_without_evidence_are_not_data() {
        for body in [
            "socket.emit(\"a\", this.onDone);",
            "socket.emit(\"a\", props.callback);",
            "socket.emit(\"a\", item.id);",
            "function f(id) { socket.emit(\"a\", id); }",
            "socket.emit(\"a\", fn.bind(this));",
            "let x = 1;\nx = () => {};\nsocket.emit(\"a\", x);",
            "socket.emit(\"a\", data ?? other);",
            "class A { n = 0; f() { this.n = cb; socket.emit(\"a\", this.n); } }",
            "class A { constructor(n) { this.n = n; } f() { socket.emit(\"a\", this.n); } }",
            "class A { onAck = null; f() { socket.emit(\"a\", this.onAck); } }",
            "function f(deps: { cb: () => void }) { socket.emit(\"a\", deps.cb); }",
            "Object.values(handlers).forEach((h) => socket.emit(\"a\", h));",
        ] {
            // Unknown, or known to be the ack: never "no ack".
            assert_ne!(ack_known(body), (true, false), "{body}");
        }
        assert_eq!(ack_known("socket.emit(\"a\", cb || noop);"), (true, true));
        assert_eq!(ack_known("socket.emit(\"a\", x, () => {});"), (true, true));
    }
}
