//! What the Rust front-end's modules all need of syn's trees: spans as byte offsets, and
//! the shapes of expressions, patterns, types and paths with what does not change their
//! meaning (parentheses, references, groups) looked through.

use syn::{Expr, GenericArgument, Pat, PathArguments, Type};

use crate::facts::Span;

/// The byte range of a syn span, clamped to the file.
pub(super) fn to_span(span: proc_macro2::Span, len: u32) -> Span {
    let range = span.byte_range();
    let clamp = |offset: usize| (offset as u32).min(len);
    Span::new(clamp(range.start), clamp(range.end))
}

/// Parentheses, references and groups do not change what an expression is.
pub(super) fn strip(mut expr: &Expr) -> &Expr {
    loop {
        expr = match expr {
            Expr::Paren(inner) => &inner.expr,
            Expr::Group(inner) => &inner.expr,
            Expr::Reference(inner) => &inner.expr,
            _ => return expr,
        };
    }
}

/// Type ascriptions, references and parentheses do not change what a pattern binds.
pub(super) fn strip_pat(mut pat: &Pat) -> &Pat {
    loop {
        pat = match pat {
            Pat::Type(inner) => &inner.pat,
            Pat::Reference(inner) => &inner.pat,
            Pat::Paren(inner) => &inner.pat,
            _ => return pat,
        };
    }
}

/// The type arguments of a path segment (`T` of `Data<T>`).
pub(super) fn type_args(arguments: &PathArguments) -> impl Iterator<Item = &Type> {
    let args = match arguments {
        PathArguments::AngleBracketed(args) => Some(&args.args),
        _ => None,
    };
    args.into_iter().flatten().filter_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}

/// Every name a pattern binds.
pub(super) fn pat_idents(pat: &Pat, out: &mut Vec<String>) {
    match pat {
        Pat::Ident(ident) => {
            out.push(ident.ident.to_string());
            if let Some((_, sub)) = &ident.subpat {
                pat_idents(sub, out);
            }
        }
        Pat::Type(inner) => pat_idents(&inner.pat, out),
        Pat::Reference(inner) => pat_idents(&inner.pat, out),
        Pat::Paren(inner) => pat_idents(&inner.pat, out),
        Pat::Tuple(tuple) => tuple.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::TupleStruct(tuple) => tuple.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Slice(slice) => slice.elems.iter().for_each(|p| pat_idents(p, out)),
        Pat::Struct(strukt) => strukt.fields.iter().for_each(|f| pat_idents(&f.pat, out)),
        Pat::Or(or) => or.cases.iter().for_each(|p| pat_idents(p, out)),
        _ => {}
    }
}

/// A function path for linking to find by name: `admin::on_connect` keeps its module
/// (see `link/names.rs`), `crate::`, `self::` and `super::` say nothing about it.
pub(super) fn path_name(path: &syn::Path) -> String {
    let segments: Vec<String> = path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .filter(|s| !matches!(s.as_str(), "crate" | "self" | "super"))
        .collect();
    segments.join("::")
}

/// `MESSAGE_NEW`: named like a constant.
pub(super) fn is_const_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}
