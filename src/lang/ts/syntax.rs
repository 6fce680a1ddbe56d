//! Small syntax helpers over swc's AST, shared by every module of the front-end: what an
//! expression is once parentheses, type assertions and `await` are looked through, the
//! names of properties, members, exports and patterns, `require("x")`, and the like.

use swc_ecma_ast::*;

/// The keys of an object literal written with plain keys only (`{ text, room: "a",
/// 2: x }`), as the object holds them (a Socket.IO payload's fields, a Tauri invoke's
/// arguments); `None` when a spread, a computed key or a method hides some.
pub(super) fn object_keys(expr: &Expr) -> Option<Vec<String>> {
    let Expr::Object(object) = unwrap_expr(expr) else {
        return None;
    };
    object
        .props
        .iter()
        .map(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Shorthand(ident) => Some(ident.sym.as_str().to_owned()),
                Prop::KeyValue(kv) => match &kv.key {
                    PropName::Num(number) => number_key(number.value),
                    key => prop_name(key),
                },
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
        .collect()
}

/// The string key a numeric key is (`{ 1: x }` has the key "1", `{ 0.5: x }` "0.5"):
/// JavaScript's number-to-string, which Rust's `Display` agrees with where JavaScript
/// writes no exponent. `None` for a key written with one (`1e21`, `1e-7`).
fn number_key(value: f64) -> Option<String> {
    if value == 0.0 {
        // `-0` is the key "0".
        return Some("0".to_owned());
    }
    (1e-6..1e21)
        .contains(&value.abs())
        .then(|| value.to_string())
}

/// The object a method is called on: `socket` in `socket.on(...)`.
pub(super) fn call_receiver(call: &CallExpr) -> Option<&Expr> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    match unwrap_expr(callee) {
        Expr::Member(member) => Some(unwrap_expr(&member.obj)),
        _ => None,
    }
}

/// The start offset of an inline function, the key its walk looks contexts up by.
pub(super) fn function_start(expr: &Expr) -> Option<u32> {
    match unwrap_expr(expr) {
        Expr::Arrow(arrow) => Some(arrow.span.lo.0),
        Expr::Fn(function) => Some(function.function.span.lo.0),
        _ => None,
    }
}

/// `useState` or `React.useState`.
pub(super) fn is_state_hook(callee: &Expr) -> bool {
    match unwrap_expr(callee) {
        Expr::Ident(ident) => &*ident.sym == "useState",
        Expr::Member(member) => member.prop.is_ident_with("useState"),
        _ => false,
    }
}

pub(super) fn is_effect_hook(callee: &Expr) -> bool {
    let name = match callee {
        Expr::Ident(ident) => std::borrow::Cow::Borrowed(&*ident.sym),
        Expr::Member(member) => member_prop_name(&member.prop).unwrap_or_default(),
        _ => return false,
    };
    matches!(&*name, "useEffect" | "useLayoutEffect")
}

/// The statements of an inline function's block body.
pub(super) fn body_stmts(function: &Expr) -> Option<&[Stmt]> {
    match unwrap_expr(function) {
        Expr::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => Some(&block.stmts),
            ArrowFunctionBody::Expr(_) => None,
        },
        Expr::Fn(function) => function.function.body.as_ref().map(|b| &b.stmts[..]),
        _ => None,
    }
}

/// Looks through parentheses, type assertions and `await`.
pub(super) fn unwrap_expr(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(paren) => &paren.expr,
            Expr::TsAs(e) => &e.expr,
            Expr::TsNonNull(e) => &e.expr,
            Expr::TsSatisfies(e) => &e.expr,
            Expr::TsTypeAssertion(e) => &e.expr,
            Expr::TsConstAssertion(e) => &e.expr,
            Expr::TsInstantiation(e) => &e.expr,
            Expr::Await(e) => &e.arg,
            _ => return expr,
        }
    }
}

pub(super) fn require_specifier(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = unwrap_expr(expr) else {
        return None;
    };
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let Expr::Ident(ident) = &**callee else {
        return None;
    };
    if &*ident.sym != "require" || call.args.len() != 1 {
        return None;
    }
    match &*call.args[0].expr {
        Expr::Lit(Lit::Str(s)) => Some(str_text(s).into_owned()),
        _ => None,
    }
}

/// The component a React wrapper is called with (`memo(Chat)`, `React.memo(...)`,
/// `forwardRef((props, ref) => ...)`, MobX's `observer(...)`): rendering the wrapper
/// calls it with the same props. Other expressions are returned as they are.
pub(super) fn component_of(expr: &Expr) -> &Expr {
    if let Expr::Call(call) = unwrap_expr(expr)
        && let Callee::Expr(callee) = &call.callee
        && let [component, ..] = call.args.as_slice()
        && component.spread.is_none()
    {
        let wrapper = match unwrap_expr(callee) {
            Expr::Ident(ident) => Some(&*ident.sym),
            Expr::Member(member) => match &member.prop {
                MemberProp::Ident(prop) => Some(&*prop.sym),
                _ => None,
            },
            _ => None,
        };
        if matches!(wrapper, Some("memo" | "forwardRef" | "observer")) {
            return component_of(&component.expr);
        }
    }
    expr
}

/// The expression of a JSX attribute `name={expr}`.
pub(super) fn jsx_attr<'e>(element: &'e JSXOpeningElement, name: &str) -> Option<&'e Expr> {
    element.attrs.iter().find_map(|attr| match attr {
        JSXAttrOrSpread::JSXAttr(JSXAttr {
            name: JSXAttrName::Ident(attr_name),
            value:
                Some(JSXAttrValue::JSXExprContainer(JSXExprContainer {
                    expr: JSXExpr::Expr(value),
                    ..
                })),
            ..
        }) if &*attr_name.sym == name => Some(&**value),
        _ => None,
    })
}

/// The properties an object pattern takes by name, with the local each is bound to:
/// `{ socket, room: r = "lobby" }` → (socket, socket), (room, r).
pub(super) fn object_pat_keys(object: &ObjectPat) -> Vec<(&str, &str)> {
    object
        .props
        .iter()
        .filter_map(|prop| match prop {
            ObjectPatProp::Assign(assign) => Some((&*assign.key.sym, &*assign.key.sym)),
            ObjectPatProp::KeyValue(kv) => {
                let local = match &*kv.value {
                    Pat::Ident(local) => &local.id.sym,
                    Pat::Assign(AssignPat { left, .. }) => match &**left {
                        Pat::Ident(local) => &local.id.sym,
                        _ => return None,
                    },
                    _ => return None,
                };
                match &kv.key {
                    PropName::Ident(key) => Some((&*key.sym, &**local)),
                    PropName::Str(key) => key.value.as_str().map(|key| (key, &**local)),
                    _ => None,
                }
            }
            ObjectPatProp::Rest(_) => None,
        })
        .collect()
}

/// `socket?.emit` as a plain member expression.
pub(super) fn member_of(callee: &Expr) -> Expr {
    match unwrap_expr(callee) {
        Expr::OptChain(chain) => match &*chain.base {
            OptChainBase::Member(member) => Expr::Member(member.clone()),
            OptChainBase::Call(_) => callee.clone(),
        },
        other => other.clone(),
    }
}

pub(super) fn is_module_exports(expr: &Expr) -> bool {
    matches!(expr, Expr::Member(member)
        if matches!(&*member.obj, Expr::Ident(id) if &*id.sym == "module")
            && member.prop.is_ident_with("exports"))
}

pub(super) fn export_name(name: &ModuleExportName) -> String {
    match name {
        ModuleExportName::Ident(ident) => ident.sym.as_str().to_owned(),
        ModuleExportName::Str(s) => s.value.to_string_lossy().into_owned(),
    }
}

pub(super) fn prop_name(name: &PropName) -> Option<String> {
    match name {
        PropName::Ident(ident) => Some(ident.sym.as_str().to_owned()),
        PropName::Str(s) => Some(str_text(s).into_owned()),
        PropName::Num(n) => Some(n.value.to_string()),
        _ => None,
    }
}

/// Whether [`prop_name`] of `key` is `name`, without copying the key's name.
pub(super) fn prop_name_is(key: &PropName, name: &str) -> bool {
    match key {
        PropName::Ident(ident) => &*ident.sym == name,
        PropName::Str(s) => str_text(s) == name,
        key => prop_name(key).as_deref() == Some(name),
    }
}

pub(super) fn prop_name_key(key: &PropName) -> Option<String> {
    prop_name(key)
}

/// A string literal's text, as swc's `to_string_lossy` gives it: checked as UTF-8 in
/// one pass first (nearly every literal is, and then both are its bytes), which costs a
/// fraction of that method's byte-by-byte search for lone surrogates.
pub(super) fn str_text(literal: &Str) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(literal.value.as_bytes()) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => literal.value.to_string_lossy(),
    }
}

/// The name of `.x` or `["x"]`, borrowed: most are only compared.
pub(super) fn member_prop_name(prop: &MemberProp) -> Option<std::borrow::Cow<'_, str>> {
    match prop {
        MemberProp::Ident(ident) => Some(std::borrow::Cow::Borrowed(&ident.sym)),
        MemberProp::Computed(computed) => match &*computed.expr {
            Expr::Lit(Lit::Str(s)) => Some(str_text(s)),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

pub(super) fn pat_names(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(ident) => out.push(ident.id.sym.as_str().to_owned()),
        Pat::Array(array) => {
            for elem in array.elems.iter().flatten() {
                pat_names(elem, out);
            }
        }
        Pat::Rest(rest) => pat_names(&rest.arg, out),
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(kv) => pat_names(&kv.value, out),
                    ObjectPatProp::Assign(assign) => out.push(assign.key.sym.as_str().to_owned()),
                    ObjectPatProp::Rest(rest) => pat_names(&rest.arg, out),
                }
            }
        }
        Pat::Assign(assign) => pat_names(&assign.left, out),
        Pat::Invalid(_) | Pat::Expr(_) => {}
    }
}

/// `read` of the value of `x = <expr>;` parsed as TypeScript: how this front-end's unit
/// tests get at one expression.
#[cfg(test)]
pub(super) fn with_assigned<R>(expr: &str, read: impl FnOnce(&Expr) -> R) -> R {
    use super::parse::{Dialect, parse};
    let program = parse(&format!("x = {expr};"), Dialect::Ts);
    let stmt = match &program {
        Ok(Program::Module(module)) => match module.body.first() {
            Some(ModuleItem::Stmt(Stmt::Expr(stmt))) => stmt,
            _ => panic!("an expression statement: {expr}"),
        },
        Ok(Program::Script(script)) => match script.body.first() {
            Some(Stmt::Expr(stmt)) => stmt,
            _ => panic!("an expression statement: {expr}"),
        },
        Err(_) => panic!("parses: {expr}"),
    };
    let Expr::Assign(assign) = unwrap_expr(&stmt.expr) else {
        panic!("an assignment: {expr}");
    };
    read(&assign.right)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of the object literal `object`, through `x = <object>;`.
    fn keys(object: &str) -> Option<Vec<String>> {
        with_assigned(&format!("({object})"), object_keys)
    }

    #[test]
    fn a_literal_reads_as_swc_reads_it_lone_surrogates_and_all() {
        for literal in [
            r#""socket:join""#,
            r#""día ✓""#,
            r#""a\uD800b""#,
            r#""\uDFFF""#,
            r#""""#,
        ] {
            with_assigned(literal, |value| {
                let Expr::Lit(Lit::Str(text)) = unwrap_expr(value) else {
                    panic!("a string: {literal}");
                };
                assert_eq!(str_text(text), text.value.to_string_lossy(), "{literal}");
            });
        }
    }

    #[test]
    fn object_keys_are_the_keys_javascript_gives_the_object() {
        assert_eq!(
            keys("{ noteId, body: text, \"user-id\": 1, 2: a, 0.5: b, [-0]: c }"),
            None,
            "a computed key hides a name"
        );
        assert_eq!(
            keys("{ noteId, body: text, \"user-id\": 1, 2: a, 0.5: b, 1.0: c }"),
            Some(
                ["noteId", "body", "user-id", "2", "0.5", "1"]
                    .map(String::from)
                    .to_vec()
            )
        );
        // Written by JavaScript with an exponent: not guessed.
        assert_eq!(keys("{ 1e21: a }"), None);
        assert_eq!(keys("{ ...rest, a }"), None);
    }
}
