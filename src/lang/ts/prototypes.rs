//! Classes written before `class`: `function Editor() {}` with
//! `Editor.prototype.addClient = function (socket) { ... }`.

use swc_ecma_ast::*;

/// `Editor.prototype`: the object whose functions are the methods of `Editor`'s
/// instances (a class written before `class`).
pub(super) fn is_prototype_of_named(expr: &Expr) -> bool {
    matches!(expr, Expr::Member(MemberExpr { obj, prop: MemberProp::Ident(prop), .. })
        if &*prop.sym == "prototype" && matches!(&**obj, Expr::Ident(_)))
}
