//! Names across files: imports followed to their exports, constants to their values and
//! to the literal that defines them, Rust `const`s within their crate, namespaces.

use super::{Linker, MAX_DEPTH};
use crate::facts::{ExportValue, NsExpr, RUST_CONST, Span, Value};
use crate::graph::{Event, FileId, Ns, crate_root};
use crate::transport::socket_io::namespace_of_url;
use crate::transport::tauri::{Label, Target};

/// The name of an export looked up: a plain name, or the `object.member` name the
/// front-end gives a member of an exported object (compared in place: imports are
/// looked up by the thousand, and formatting each dotted name was a tenth of them).
#[derive(Clone, Copy)]
enum ExportName<'n> {
    Plain(&'n str),
    Member(&'n str, &'n str),
}

impl ExportName<'_> {
    fn is(self, exported: &str) -> bool {
        match self {
            ExportName::Plain(name) => exported == name,
            ExportName::Member(object, member) => {
                exported
                    .strip_prefix(object)
                    .and_then(|rest| rest.strip_prefix('.'))
                    == Some(member)
            }
        }
    }
}

impl<'a> Linker<'a> {
    /// Follows an import to the export it names, through re-exports and `export *`.
    pub(super) fn import(
        &self,
        file: FileId,
        specifier: &str,
        name: &str,
        path: &[String],
        depth: u32,
    ) -> Option<(FileId, &'a ExportValue)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let target = self.resolver.resolve(file, specifier)?;
        let (name, rest) = match name {
            "*" => (path.first()?.as_str(), &path[path.len().min(1)..]),
            _ => (name, path),
        };
        // `api.socket` of an exported object that holds a socket: the front-end exports
        // it as `api.socket`.
        if let Some(member) = rest.first()
            && let Some(found @ (_, ExportValue::Socket(_))) =
                self.export_named(target, ExportName::Member(name, member), depth + 1)
        {
            return Some(found);
        }
        let found = self.export(target, name, depth + 1).or_else(|| {
            // CommonJS: `require("./x").a` reads export `a` when there is no default.
            if name == "default" {
                self.export(target, path.first()?, depth + 1)
            } else {
                None
            }
        })?;
        // A member path on a function or socket export is not followed.
        let _ = rest;
        Some(found)
    }

    pub(super) fn export(
        &self,
        file: FileId,
        name: &str,
        depth: u32,
    ) -> Option<(FileId, &'a ExportValue)> {
        self.export_named(file, ExportName::Plain(name), depth)
    }

    fn export_named(
        &self,
        file: FileId,
        name: ExportName<'_>,
        depth: u32,
    ) -> Option<(FileId, &'a ExportValue)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let facts = &self.files[file].facts;
        if let Some((_, value)) = facts.exports.iter().rev().find(|(n, _)| name.is(n)) {
            return match value {
                ExportValue::Reexport {
                    specifier,
                    name: inner,
                } => {
                    if inner == "*" {
                        // `export * as ns from`: the namespace itself is not a single value.
                        return None;
                    }
                    self.import(file, specifier, inner, &[], depth + 1)
                }
                value => Some((file, value)),
            };
        }
        if name.is("default") {
            return None;
        }
        facts.star_exports.iter().find_map(|specifier| {
            let target = self.resolver.resolve(file, specifier)?;
            self.export_named(target, name, depth + 1)
        })
    }

    // ----- values -------------------------------------------------------------------

    pub(super) fn event(&self, file: FileId, name: &Value) -> Event {
        match self.string(file, name, 0) {
            Some(name) => Event::Name(name),
            None => Event::Dynamic,
        }
    }

    /// The relative module an event name is imported from, when no checked file is
    /// that module: why the name cannot be read.
    pub(super) fn unfound_module<'v>(&self, file: FileId, name: &'v Value) -> Option<&'v str> {
        let Value::Import { specifier, .. } = name else {
            return None;
        };
        let relative = specifier == "."
            || specifier == ".."
            || specifier.starts_with("./")
            || specifier.starts_with("../");
        (relative && self.resolver.resolve(file, specifier).is_none()).then_some(specifier)
    }

    /// A site's target with its label resolved like an event name (a constant, an
    /// import); a label that does not resolve is unknown, which may be any label.
    pub(super) fn target(&self, file: FileId, target: &Target<Value>) -> Target<Label> {
        target.map(|label| self.string(file, label, 0))
    }

    pub(super) fn string(&self, file: FileId, value: &Value, depth: u32) -> Option<String> {
        match self.value(file, value, depth) {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Resolves imports inside a value; the result holds no `Import`.
    pub(super) fn value(&self, file: FileId, value: &Value, depth: u32) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        match value {
            Value::Str(_) | Value::Unknown => value.clone(),
            Value::Literal { value, .. } => Value::Str(value.clone()),
            Value::Fallback(inner) => match self.value(file, inner, depth + 1) {
                Value::Unknown => Value::Unknown,
                inner => Value::Fallback(Box::new(inner)),
            },
            Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), self.value(file, v, depth + 1)))
                    .collect(),
            ),
            Value::Concat(parts) => {
                let mut out = String::new();
                for part in parts {
                    match self.value(file, part, depth + 1) {
                        Value::Str(s) => out.push_str(&s),
                        _ => return Value::Unknown,
                    }
                }
                Value::Str(out)
            }
            Value::Import {
                specifier, name, ..
            } if specifier == RUST_CONST => {
                let mut values = self
                    .rust_const(file, name)
                    .into_iter()
                    .map(|(target, inner)| self.value(target, inner, depth + 1));
                match values.next() {
                    Some(first) if values.all(|other| other == first) => first,
                    _ => Value::Unknown,
                }
            }
            Value::Import {
                specifier,
                name,
                path,
            } => {
                let (name, path) = match name.as_str() {
                    "*" => match path.split_first() {
                        Some((first, rest)) => (first.as_str(), rest),
                        None => return Value::Unknown,
                    },
                    name => (name, &path[..]),
                };
                let target = self.resolver.resolve(file, specifier);
                let found = target.and_then(|target| {
                    self.export(target, name, depth + 1)
                        .map(|found| (found, path))
                        .or_else(|| {
                            // CommonJS `require("./events").MESSAGE`.
                            let (first, rest) = path.split_first()?;
                            (name == "default")
                                .then(|| self.export(target, first, depth + 1))
                                .flatten()
                                .map(|found| (found, rest))
                        })
                });
                let Some(((target, ExportValue::Value(inner)), path)) = found else {
                    return Value::Unknown;
                };
                let mut resolved = self.value(target, inner, depth + 1);
                for key in path {
                    resolved = resolved.member(key);
                }
                resolved
            }
        }
    }

    /// Where the string a value resolves to is written, when it is one literal.
    pub(super) fn definition(
        &self,
        file: FileId,
        value: &Value,
        depth: u32,
    ) -> Option<(FileId, Span)> {
        if depth > MAX_DEPTH {
            return None;
        }
        match value {
            Value::Literal { span, .. } => Some((file, *span)),
            Value::Import {
                specifier, name, ..
            } if specifier == RUST_CONST => match self.rust_const(file, name)[..] {
                [(target, inner)] => self.definition(target, inner, depth + 1),
                _ => None,
            },
            Value::Import {
                specifier,
                name,
                path,
            } => {
                let (name, path) = match name.as_str() {
                    "*" => {
                        let (first, rest) = path.split_first()?;
                        (first.as_str(), rest)
                    }
                    name => (name, &path[..]),
                };
                let target = self.resolver.resolve(file, specifier)?;
                let ((target, export), path) = match self.export(target, name, depth + 1) {
                    Some(found) => (found, path),
                    None => {
                        let (first, rest) = path.split_first()?;
                        (self.export(target, first, depth + 1)?, rest)
                    }
                };
                let ExportValue::Value(inner) = export else {
                    return None;
                };
                let mut inner = inner.clone();
                for key in path {
                    inner = inner.member(key);
                }
                self.definition(target, &inner, depth + 1)
            }
            _ => None,
        }
    }

    /// The Rust constants named `name` that a reference in `file` may mean: those of
    /// its own crate when it defines any, else those of the whole project (a shared
    /// `events` crate). Module paths are not resolved, so the callers require namesakes
    /// to agree on their value (or to be alone, for a rename).
    pub(super) fn rust_const(&self, file: FileId, name: &str) -> Vec<(FileId, &'a Value)> {
        let Some(found) = self.rust_consts.get(name) else {
            return Vec::new();
        };
        let home = crate_root(&self.files[file].path);
        let local: Vec<(FileId, &Value)> = found
            .iter()
            .filter(|(f, _)| crate_root(&self.files[*f].path) == home)
            .copied()
            .collect();
        if local.is_empty() {
            found.clone()
        } else {
            local
        }
    }

    pub(super) fn namespace(&self, file: FileId, ns: &NsExpr) -> Ns {
        match ns {
            NsExpr::Dynamic => Ns::Any,
            NsExpr::Name(value) => match self.string(file, value, 0) {
                Some(name) if name.starts_with('/') => Ns::Static(name),
                Some(name) => Ns::Static(format!("/{name}")),
                None => Ns::Any,
            },
            NsExpr::Url(value) => match self.value(file, value, 0) {
                Value::Str(url) => Ns::Static(namespace_of_url(&url)),
                Value::Fallback(inner) => match *inner {
                    Value::Str(url) => Ns::Static(namespace_of_url(&url)),
                    _ => Ns::Any,
                },
                _ => self.url_tail(file, value),
            },
        }
    }

    /// `${API_URL}/admin`: the origin is unknown but the path is not.
    pub(super) fn url_tail(&self, file: FileId, value: &Value) -> Ns {
        let Value::Concat(parts) = value else {
            return Ns::Any;
        };
        let Some((first, rest)) = parts.split_first() else {
            return Ns::Any;
        };
        if self.string(file, first, 0).is_some() {
            return Ns::Any;
        }
        let tail = self.value(file, &Value::Concat(rest.to_vec()), 0);
        match tail {
            Value::Str(tail) if tail.starts_with('/') => Ns::Static(namespace_of_url(&tail)),
            Value::Str(tail) if tail.is_empty() => Ns::Static("/".to_owned()),
            _ => Ns::Any,
        }
    }
}
