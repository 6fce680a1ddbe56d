//! Event names and other string constants: literals, templates, `const` bindings,
//! `as const` objects, string enums and imported constants (left for linking).

use swc_ecma_ast::*;

use super::bindings::Binding;
use super::extract::Extractor;
use super::syntax::{member_prop_name, prop_name, str_text, unwrap_expr};
use crate::facts::Value;

impl Extractor<'_> {
    pub(super) fn value(&self, expr: &Expr) -> Value {
        match unwrap_expr(expr) {
            Expr::Lit(Lit::Str(s)) => Value::Literal {
                value: str_text(s).into_owned(),
                span: self.span(s.span),
            },
            Expr::Lit(Lit::Num(n)) => Value::Str(n.value.to_string()),
            Expr::Tpl(tpl) => self.template(tpl),
            Expr::Bin(bin) if bin.op == BinaryOp::Add => {
                let mut parts = Vec::new();
                for side in [&bin.left, &bin.right] {
                    match self.value(side) {
                        Value::Concat(inner) => parts.extend(inner),
                        value => parts.push(value),
                    }
                }
                Value::Concat(parts)
            }
            Expr::Ident(ident) => match self.lookup(&ident.sym) {
                Some(Binding::Value(value)) => value.clone(),
                Some(Binding::Import { specifier, name }) => Value::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path: Vec::new(),
                },
                _ => Value::Unknown,
            },
            Expr::Member(member) => match member_prop_name(&member.prop) {
                Some(key) => self.value(&member.obj).member(&key),
                None => match &member.prop {
                    MemberProp::Computed(computed) => match self.value(&computed.expr).as_str() {
                        Some(key) => self.value(&member.obj).member(key),
                        None => Value::Unknown,
                    },
                    _ => Value::Unknown,
                },
            },
            Expr::Object(object) => self.object(object),
            Expr::Bin(bin)
                if matches!(bin.op, BinaryOp::LogicalOr | BinaryOp::NullishCoalescing) =>
            {
                match (self.value(&bin.left), self.value(&bin.right)) {
                    (Value::Unknown, Value::Unknown) => Value::Unknown,
                    (Value::Unknown | Value::Fallback(_), right) => {
                        Value::Fallback(Box::new(right))
                    }
                    (left, _) => left,
                }
            }
            _ => Value::Unknown,
        }
    }

    fn template(&self, tpl: &Tpl) -> Value {
        let mut parts = Vec::with_capacity(tpl.quasis.len() + tpl.exprs.len());
        for (i, quasi) in tpl.quasis.iter().enumerate() {
            let text = quasi.cooked.as_ref().map_or_else(
                || quasi.raw.as_str().to_owned(),
                |c| c.to_string_lossy().into_owned(),
            );
            if !text.is_empty() {
                parts.push(Value::Str(text));
            }
            if let Some(hole) = tpl.exprs.get(i) {
                parts.push(self.value(hole));
            }
        }
        match parts.len() {
            0 => Value::Str(String::new()),
            1 if parts[0].as_str().is_some() => parts.remove(0),
            _ => Value::Concat(parts),
        }
    }

    fn object(&self, object: &ObjectLit) -> Value {
        let mut fields = Vec::new();
        for (index, prop) in object.props.iter().enumerate() {
            let PropOrSpread::Prop(prop) = prop else {
                continue;
            };
            let field = match &**prop {
                // The key is copied only for a known value (`prop_name` names exactly
                // these keys).
                Prop::KeyValue(kv)
                    if matches!(
                        kv.key,
                        PropName::Ident(_) | PropName::Str(_) | PropName::Num(_)
                    ) =>
                {
                    let value = self.value(&kv.value);
                    if value.is_known() {
                        prop_name(&kv.key).map(|key| (key, value))
                    } else {
                        None
                    }
                }
                Prop::Shorthand(ident) => {
                    let value = self.value(&Expr::Ident(ident.clone()));
                    value
                        .is_known()
                        .then(|| (ident.sym.as_str().to_owned(), value))
                }
                _ => None,
            };
            if let Some(field) = field {
                // Sized once for the props left (an object of constants may have
                // hundreds), and not at all for an object of nothing known.
                if fields.capacity() == 0 {
                    fields.reserve_exact(object.props.len() - index);
                }
                fields.push(field);
            }
        }
        if fields.is_empty() {
            Value::Unknown
        } else {
            Value::Object(fields)
        }
    }
}
