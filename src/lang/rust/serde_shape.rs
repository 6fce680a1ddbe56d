//! The JSON shape serde gives a `#[derive(Deserialize)]` struct: which keys it reads and
//! which of them it cannot do without.
//!
//! Only what is certain is kept. A struct with generics, `flatten`, a tag, a custom
//! conversion, or any serde attribute not understood here is left out entirely, so the
//! rule that compares payloads with it stays quiet rather than guess.

use syn::ext::IdentExt;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Fields, ItemStruct, LitStr, Type};

use crate::facts::{RustStruct, Span, StructField};

/// The shape of a struct, or `None` when it does not derive `Deserialize` or is not
/// fully understood.
pub(super) fn shape(item: &ItemStruct, span: Span) -> Option<RustStruct> {
    if !derives_deserialize(&item.attrs) || !item.generics.params.is_empty() {
        return None;
    }
    let Fields::Named(named) = &item.fields else {
        return None;
    };
    let container = container_attrs(&item.attrs)?;
    let mut fields = Vec::new();
    for field in &named.named {
        let ident = field.ident.as_ref()?;
        let attrs = field_attrs(&field.attrs)?;
        if attrs.skip {
            continue;
        }
        let name = attrs
            .rename
            .unwrap_or_else(|| rename(&ident.unraw().to_string(), container.rename_all));
        let mut keys = vec![name];
        keys.extend(attrs.aliases);
        fields.push(StructField {
            keys,
            required: !(container.default || attrs.default || is_option(&field.ty)),
        });
    }
    Some(RustStruct {
        name: item.ident.unraw().to_string(),
        span,
        fields,
        deny_unknown: container.deny_unknown,
    })
}

fn derives_deserialize(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| {
        let mut found = false;
        if attr.path().is_ident("derive") {
            // A derive list that does not parse as paths derives nothing we know.
            let _ = attr.parse_nested_meta(|meta| {
                found |= meta
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Deserialize");
                Ok(())
            });
        }
        found
    })
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum RenameRule {
    #[default]
    None,
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

#[derive(Default)]
struct Container {
    rename_all: RenameRule,
    default: bool,
    deny_unknown: bool,
}

/// `#[serde(...)]` on the struct; `None` for anything that changes the shape in a way
/// not modelled (a tag, `transparent`, `from`, a rename for deserializing only, ...).
fn container_attrs(attrs: &[Attribute]) -> Option<Container> {
    let mut out = Container::default();
    each_serde_meta(attrs, |meta| {
        if meta.path.is_ident("rename_all") {
            // `rename_all(deserialize = "...")` does not parse as a string: not modelled.
            let Ok(rule) = meta.value().and_then(|v| v.parse::<LitStr>()) else {
                return Ok(false);
            };
            let Some(rule) = rename_rule(&rule.value()) else {
                return Ok(false);
            };
            out.rename_all = rule;
        } else if meta.path.is_ident("default") {
            out.default = true;
            skip_value(meta)?;
        } else if meta.path.is_ident("deny_unknown_fields") {
            out.deny_unknown = true;
        } else if meta.path.is_ident("rename") || meta.path.is_ident("crate") {
            // The struct's own name and the serde path do not change its keys.
            meta.value()?.parse::<LitStr>()?;
        } else {
            return Ok(false);
        }
        Ok(true)
    })?;
    Some(out)
}

#[derive(Default)]
struct FieldAttrs {
    rename: Option<String>,
    aliases: Vec<String>,
    default: bool,
    skip: bool,
}

fn field_attrs(attrs: &[Attribute]) -> Option<FieldAttrs> {
    let mut out = FieldAttrs::default();
    each_serde_meta(attrs, |meta| {
        if meta.path.is_ident("rename") {
            let Ok(name) = meta.value().and_then(|v| v.parse::<LitStr>()) else {
                return Ok(false);
            };
            out.rename = Some(name.value());
        } else if meta.path.is_ident("alias") {
            out.aliases.push(meta.value()?.parse::<LitStr>()?.value());
        } else if meta.path.is_ident("default") {
            out.default = true;
            skip_value(meta)?;
        } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
            out.skip = true;
        } else if meta.path.is_ident("skip_serializing")
            || meta.path.is_ident("skip_serializing_if")
            || meta.path.is_ident("serialize_with")
            || meta.path.is_ident("deserialize_with")
            || meta.path.is_ident("with")
        {
            // Conversions of the value, not of the key: the key is still required.
            skip_value(meta)?;
        } else {
            return Ok(false);
        }
        Ok(true)
    })?;
    Some(out)
}

/// Runs `read` on every item of every `#[serde(...)]` attribute; `read` answers whether
/// it understood the item. `None` when one was not understood or did not parse.
fn each_serde_meta(
    attrs: &[Attribute],
    mut read: impl FnMut(&ParseNestedMeta<'_>) -> syn::Result<bool>,
) -> Option<()> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let mut understood = true;
        let parsed = attr.parse_nested_meta(|meta| {
            understood &= read(&meta)?;
            Ok(())
        });
        if parsed.is_err() || !understood {
            return None;
        }
    }
    Some(())
}

/// `default` and friends may carry `= "path"`: read past it.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(syn::Token![=]) {
        meta.value()?.parse::<LitStr>()?;
    }
    Ok(())
}

/// serde reads a missing `Option<T>` field as `None`.
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Option"),
        Type::Group(group) => is_option(&group.elem),
        Type::Paren(paren) => is_option(&paren.elem),
        _ => false,
    }
}

fn rename_rule(name: &str) -> Option<RenameRule> {
    Some(match name {
        "lowercase" => RenameRule::Lower,
        "UPPERCASE" => RenameRule::Upper,
        "PascalCase" => RenameRule::Pascal,
        "camelCase" => RenameRule::Camel,
        "snake_case" => RenameRule::Snake,
        "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
        "kebab-case" => RenameRule::Kebab,
        "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
        _ => return None,
    })
}

/// A field name after `rename_all`, as serde's `RenameRule::apply_to_field` does it.
fn rename(field: &str, rule: RenameRule) -> String {
    match rule {
        RenameRule::None | RenameRule::Lower | RenameRule::Snake => field.to_owned(),
        RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
        RenameRule::Pascal => pascal(field),
        RenameRule::Camel => {
            let pascal = pascal(field);
            let mut chars = pascal.chars();
            match chars.next() {
                Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                None => pascal,
            }
        }
        RenameRule::Kebab => field.replace('_', "-"),
        RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
    }
}

fn pascal(field: &str) -> String {
    let mut out = String::new();
    let mut capitalize = true;
    for ch in field.chars() {
        if ch == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(ch.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn struct_shape(code: &str) -> Option<RustStruct> {
        let item: ItemStruct = syn::parse_str(code).expect("parses");
        shape(&item, Span::default())
    }

    #[test]
    fn rename_all_camel_case_and_optional_fields() {
        let shape = struct_shape(
            r#"#[derive(Debug, serde::Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct NewMessage { room_id: String, text: String, reply_to: Option<u64>, #[serde(default)] pinned: bool, #[serde(rename = "t")] at: u64 }"#,
        )
        .expect("understood");
        let keys: Vec<(&str, bool)> = shape
            .fields
            .iter()
            .map(|f| (f.keys[0].as_str(), f.required))
            .collect();
        assert_eq!(
            keys,
            [
                ("roomId", true),
                ("text", true),
                ("replyTo", false),
                ("pinned", false),
                ("t", true)
            ]
        );
    }

    #[test]
    fn unknown_attributes_and_generics_are_left_out() {
        assert!(
            struct_shape("#[derive(Deserialize)] #[serde(tag = \"t\")] struct A { x: u8 }")
                .is_none()
        );
        assert!(
            struct_shape("#[derive(Deserialize)] struct A { #[serde(flatten)] x: B }").is_none()
        );
        assert!(struct_shape("#[derive(Deserialize)] struct A<T> { x: T }").is_none());
        assert!(struct_shape("#[derive(Serialize)] struct A { x: u8 }").is_none());
    }

    #[test]
    fn rename_rules_follow_serde() {
        assert_eq!(rename("user_id", RenameRule::Pascal), "UserId");
        assert_eq!(rename("user_id", RenameRule::Camel), "userId");
        assert_eq!(rename("user_id", RenameRule::ScreamingKebab), "USER-ID");
        assert_eq!(rename("user_id", RenameRule::Kebab), "user-id");
    }
}
