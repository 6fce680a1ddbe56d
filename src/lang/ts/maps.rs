//! Handler maps and name lists: one loop registers or emits several events.
//!
//! ```js
//! const handlers = { "job:started": onStarted, "job:finished": onFinished };
//! Object.keys(handlers).forEach((ev) => socket.on(ev, handlers[ev]));
//! for (const [ev, fn] of Object.entries(handlers)) socket.on(ev, fn);
//! ["a", "b"].forEach((ev) => socket.on(ev, refresh));
//! ```
//! The loop variable is bound to the map's entries ([`Binding::Entries`]), and an
//! `on`/`emit` whose event name is that variable becomes one site per entry, named and
//! placed at the entry's key (or value, for `Object.values`), with the entry's own
//! function as the listener when the map names one. Without this such a loop is one
//! site of unknown name, which matches every event of its app and hides its typos.
//!
//! The entries themselves ([`MapEntry`], [`Entries`], [`Walk`]) are in `bindings.rs`,
//! below the extractor's state that holds them.

use swc_common::{DUMMY_SP, Spanned};
use swc_ecma_ast::*;

use super::bindings::{Binding, Entries, Imported, MapEntry, Name, Part, Walk, Walked};
use super::extract::Extractor;
use super::flow::LocalFn;
use super::syntax::{member_prop_name, prop_name, unwrap_expr};
use crate::facts::{self, ExportedEntry, ExportedMap, MapLoop, Value, WrappedSite};

/// Entries of an exported map beyond which it is no map of events.
const MAX_EXPORTED_ENTRIES: usize = 256;

/// One site a name expands to: its name and the listener the map gives it.
pub(super) struct Expanded {
    pub(super) name: Value,
    pub(super) name_span: facts::Span,
    pub(super) name_is_literal: bool,
    /// The entry's own function, when the listener is `handlers[ev]` or `fn` of
    /// `[ev, fn]` (`Some(None)` when the map's value is no function of this file);
    /// `None` when the listener is the one written in the call.
    pub(super) listener: Option<Option<Expr>>,
}

impl Extractor<'_> {
    /// Remembers `const handlers = { ... }` / `const EVENTS = ["a", "b"]` for the loops
    /// over it further down.
    pub(super) fn note_name_map(&mut self, name: &str, init: &Expr) {
        // A map filled at run time (`handlers[event] = ...`, `names.push(x)`) has entries
        // this file cannot list: loops over it stay sites of unknown name.
        if self.reassigned.contains(name) || self.mutated.contains(name) {
            return;
        }
        if let Some(entries) = self.literal_entries(init)
            && !entries.is_empty()
        {
            self.name_maps.insert(name.to_owned(), entries);
        }
    }

    /// The entries of an object or array literal; `None` for an array holding anything
    /// but known names.
    fn literal_entries(&self, expr: &Expr) -> Option<Vec<MapEntry>> {
        match unwrap_expr(expr) {
            Expr::Object(object) => {
                // An entry is large and a map may have hundreds: growing the list would
                // copy it a few times over.
                let mut entries = Vec::with_capacity(object.props.len());
                for prop in &object.props {
                    // A spread adds keys this file may not see; the ones written here
                    // are still entries.
                    let PropOrSpread::Prop(prop) = prop else {
                        continue;
                    };
                    let (key, value): (&PropName, Option<&Expr>) = match &**prop {
                        Prop::KeyValue(kv) => (&kv.key, Some(&kv.value)),
                        Prop::Method(method) => (&method.key, None),
                        Prop::Shorthand(ident) => {
                            entries.push(MapEntry {
                                key: Name {
                                    value: Value::Str(ident.sym.as_str().to_owned()),
                                    span: self.span(ident.span),
                                    literal: false,
                                },
                                value: self.name_of(&Expr::Ident(ident.clone())),
                                handler: self.local_function(&Expr::Ident(ident.clone())),
                            });
                            continue;
                        }
                        _ => continue,
                    };
                    let key = match key {
                        PropName::Computed(computed) => match self.name_of(&computed.expr) {
                            Some(name) => name,
                            None => continue,
                        },
                        key => match prop_name(key) {
                            // Only a quoted key can be renamed in place.
                            Some(text) => Name {
                                value: match key {
                                    PropName::Str(_) => Value::Literal {
                                        value: text,
                                        span: self.span(key.span()),
                                    },
                                    _ => Value::Str(text),
                                },
                                span: self.span(key.span()),
                                literal: matches!(key, PropName::Str(_)),
                            },
                            None => continue,
                        },
                    };
                    entries.push(MapEntry {
                        key,
                        value: value.and_then(|v| self.name_of(v)),
                        handler: value.and_then(|v| self.local_function(v)),
                    });
                }
                Some(entries)
            }
            Expr::Array(array) => array
                .elems
                .iter()
                .map(|element| match element {
                    Some(element) if element.spread.is_none() => Some(MapEntry {
                        key: self.name_of(&element.expr)?,
                        value: None,
                        handler: None,
                    }),
                    _ => None,
                })
                .collect(),
            _ => None,
        }
    }

    /// An event name written as `expr`: a string or a constant that holds one.
    fn name_of(&self, expr: &Expr) -> Option<Name> {
        let value = self.value(expr);
        if !matches!(
            value,
            Value::Str(_) | Value::Literal { .. } | Value::Import { .. } | Value::Concat(_)
        ) {
            return None;
        }
        Some(Name {
            value,
            span: self.span(expr.span()),
            literal: matches!(unwrap_expr(expr), Expr::Lit(Lit::Str(_))),
        })
    }

    /// The name of a function of this file that `expr` names.
    fn local_function(&self, expr: &Expr) -> Option<String> {
        match unwrap_expr(expr) {
            Expr::Ident(ident) if matches!(self.lookup(&ident.sym), Some(Binding::Func(_))) => {
                Some(ident.sym.as_str().to_owned())
            }
            _ => None,
        }
    }

    /// What a loop over `expr` walks: a list written here or named, or
    /// `Object.keys/values/entries` of a map written here or named.
    pub(super) fn walked_entries(&self, expr: &Expr) -> Option<Walked> {
        match unwrap_expr(expr) {
            Expr::Call(call) => {
                let Callee::Expr(callee) = &call.callee else {
                    return None;
                };
                let Expr::Member(member) = unwrap_expr(callee) else {
                    return None;
                };
                if !matches!(unwrap_expr(&member.obj), Expr::Ident(object) if &*object.sym == "Object")
                {
                    return None;
                }
                let walk = match member_prop_name(&member.prop)?.as_ref() {
                    "keys" => Walk::Keys,
                    "values" => Walk::Values,
                    "entries" => Walk::Entries,
                    _ => return None,
                };
                let [map] = call.args.as_slice() else {
                    return None;
                };
                let (entries, imported) = self.map_source(&map.expr)?;
                Some((entries, walk, imported))
            }
            Expr::Array(_) => Some((self.literal_entries(expr)?, Walk::Keys, None)),
            Expr::Ident(_) => {
                let (entries, imported) = self.map_source(expr)?;
                // Only a list is walked by `for...of`/`forEach`; an object is not iterable
                // (so an imported value walked so is a list).
                (imported.is_some()
                    || entries
                        .iter()
                        .all(|e| e.value.is_none() && e.handler.is_none()))
                .then_some((entries, Walk::Keys, imported))
            }
            _ => None,
        }
    }

    /// The entries of a map or list written here or named by a constant of this file.
    pub(super) fn map_entries(&self, expr: &Expr) -> Option<Vec<MapEntry>> {
        match unwrap_expr(expr) {
            // The literal's own binding, not a parameter or import of the same name
            // elsewhere in the file.
            Expr::Ident(ident)
                if matches!(
                    self.lookup(&ident.sym),
                    Some(Binding::Value(_) | Binding::Data | Binding::Unknown)
                ) =>
            {
                self.name_maps.get(&*ident.sym).cloned()
            }
            expr @ (Expr::Object(_) | Expr::Array(_)) => self.literal_entries(expr),
            _ => None,
        }
    }

    /// The entries of a map written here or named by a constant of this file, or the
    /// import of a map of another project file.
    pub(super) fn map_source(&self, expr: &Expr) -> Option<(Vec<MapEntry>, Option<Imported>)> {
        if let Expr::Ident(ident) = unwrap_expr(expr)
            && let Some(Binding::Import { specifier, name }) = self.lookup(&ident.sym)
        {
            return (super::wrappers::is_project_specifier(specifier) && name != "*")
                .then(|| (Vec::new(), Some((specifier.clone(), name.clone()))));
        }
        Some((self.map_entries(expr)?, None))
    }

    /// Binds a loop head over `walk`: `ev`, or `[ev, fn]` for entries.
    pub(super) fn bind_entries(&mut self, pat: &Pat, walked: Walked) {
        let (entries, walk, imported) = walked;
        match (pat, walk) {
            (Pat::Ident(ident), Walk::Keys | Walk::Values) => {
                let part = if walk == Walk::Keys {
                    Part::Key
                } else {
                    Part::Value
                };
                self.bind(
                    &ident.id.sym,
                    Binding::Entries(Entries {
                        entries,
                        part,
                        imported,
                    }),
                );
            }
            (Pat::Array(array), Walk::Entries) => {
                for (element, part) in array.elems.iter().zip([Part::Key, Part::Value]) {
                    if let Some(Pat::Ident(ident)) = element {
                        let binding = Binding::Entries(Entries {
                            entries: entries.clone(),
                            part,
                            imported: imported.clone(),
                        });
                        self.bind(&ident.id.sym, binding);
                    }
                }
            }
            _ => {}
        }
    }

    /// The sites an `on(name, listener)` / `emit(name, ...)` stands for when `name` is
    /// a loop variable over a map or list; `None` for any other name.
    pub(super) fn expand_names(
        &self,
        name: &Expr,
        listener: Option<&Expr>,
    ) -> Option<Vec<Expanded>> {
        let Expr::Ident(ident) = unwrap_expr(name) else {
            return None;
        };
        let Some(Binding::Entries(entries)) = self.lookup(&ident.sym) else {
            return None;
        };
        if entries.imported.is_some() {
            return None;
        }
        // The listener is the entry's own function: `fn` of `[ev, fn]`, or `handlers[ev]`.
        let per_entry = self.per_entry(ident, listener);
        let expanded = entries
            .entries
            .iter()
            .filter_map(|entry| {
                let name = match entries.part {
                    Part::Key => &entry.key,
                    Part::Value => entry.value.as_ref()?,
                };
                let listener = per_entry.then(|| {
                    entry.handler.as_ref().map(|handler| {
                        Expr::Ident(Ident::new_no_ctxt(handler.as_str().into(), DUMMY_SP))
                    })
                });
                Some(Expanded {
                    name: name.value.clone(),
                    name_span: name.span,
                    name_is_literal: name.literal,
                    listener,
                })
            })
            .collect();
        Some(expanded)
    }
}

impl Extractor<'_> {
    /// Whether the listener is the entry's own function: `fn` of `[ev, fn]`, or
    /// `handlers[ev]` for the loop variable `name`.
    fn per_entry(&self, name: &Ident, listener: Option<&Expr>) -> bool {
        listener.is_some_and(|listener| match unwrap_expr(listener) {
            Expr::Ident(value) => matches!(
                self.lookup(&value.sym),
                Some(Binding::Entries(Entries {
                    part: Part::Value,
                    ..
                }))
            ),
            Expr::Member(member) => matches!(&member.prop, MemberProp::Computed(key)
                if matches!(unwrap_expr(&key.expr), Expr::Ident(key) if key.sym == name.sym)),
            _ => false,
        })
    }

    /// The imported map an `on(name, listener)` / `emit(name, ...)` loops over, when
    /// `name` is the loop variable over one: `(site)` is filled in by the caller.
    pub(super) fn imported_loop(
        &self,
        name: &Expr,
        listener: Option<&Expr>,
        site: WrappedSite,
    ) -> Option<MapLoop> {
        let Expr::Ident(ident) = unwrap_expr(name) else {
            return None;
        };
        let Some(Binding::Entries(entries)) = self.lookup(&ident.sym) else {
            return None;
        };
        let (specifier, imported) = entries.imported.clone()?;
        Some(MapLoop {
            site,
            specifier,
            name: imported,
            values: entries.part == Part::Value,
            per_entry: self.per_entry(ident, listener),
        })
    }

    /// The entries of a map or list this file exports, as the files that import it
    /// see them: `None` for an object with a spread, getter or setter (its keys are not
    /// all written here, or it is an object with behaviour rather than a map), and for
    /// more entries than any map of events has (a table of translations).
    pub(super) fn exported_entries(&self, expr: &Expr) -> Option<Vec<ExportedEntry>> {
        let entries = match unwrap_expr(expr) {
            Expr::Ident(_) => self.map_entries(expr)?,
            Expr::Object(object) => {
                let plain = object.props.iter().all(|prop| {
                    matches!(prop, PropOrSpread::Prop(prop)
                        if matches!(&**prop, Prop::KeyValue(_) | Prop::Shorthand(_) | Prop::Method(_)))
                });
                if !plain || object.props.len() > MAX_EXPORTED_ENTRIES {
                    return None;
                }
                self.literal_entries(expr)?
            }
            Expr::Array(array) if array.elems.len() <= MAX_EXPORTED_ENTRIES => {
                self.literal_entries(expr)?
            }
            _ => return None,
        };
        if entries.is_empty() || entries.len() > MAX_EXPORTED_ENTRIES {
            return None;
        }
        // Functions written inline in the object, by where their key is.
        let inline: Vec<(facts::Span, LocalFn)> = match unwrap_expr(expr) {
            Expr::Object(object) => object
                .props
                .iter()
                .filter_map(|prop| match prop {
                    PropOrSpread::Prop(prop) => match &**prop {
                        Prop::KeyValue(kv) => Some((
                            self.span(kv.key.span()),
                            LocalFn::of_expr(&kv.value, self.len)?,
                        )),
                        // `{ "job:started"(job, ack) { ... } }`
                        Prop::Method(method) => Some((
                            self.span(method.key.span()),
                            LocalFn::of_function(&method.function, self.len)?,
                        )),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let exported = entries
            .into_iter()
            .map(|entry| {
                let function = match &entry.handler {
                    Some(name) => self.locals.get(name.as_str()),
                    None => inline
                        .iter()
                        .find(|(span, _)| *span == entry.key.span)
                        .map(|(_, function)| function),
                };
                ExportedEntry {
                    key: entry.key.value.clone(),
                    key_span: entry.key.span,
                    key_literal: entry.key.literal,
                    value: entry.value.as_ref().map(|value| value.value.clone()),
                    value_span: entry
                        .value
                        .as_ref()
                        .map_or(entry.key.span, |value| value.span),
                    params: function.map(|function| {
                        let rest = function
                            .params
                            .last()
                            .is_some_and(|pat| matches!(pat, Pat::Rest(_)));
                        facts::Params {
                            count: function.params.len() as u32 - u32::from(rest),
                            rest,
                        }
                    }),
                    ack: function.and_then(|function| self.ack_of(function)),
                }
            })
            .collect();
        Some(exported)
    }

    /// Records the map or list exported as `name`, when `expr` is one.
    pub(super) fn note_exported_map(&mut self, name: &str, expr: &Expr) {
        if self.declarations_only() {
            return;
        }
        if let Some(entries) = self.exported_entries(expr) {
            self.facts.exported_maps.push(ExportedMap {
                name: name.to_owned(),
                entries,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;

    /// The handlers registered by `body` on a server socket: name, and whether the
    /// listener's ack parameter was found.
    fn handlers(body: &str) -> Vec<(String, bool)> {
        let source = format!(
            "import {{ Server }} from \"socket.io\";\nconst io = new Server();\nfunction onA(d, ack) {{ ack(); }}\nfunction onB(d) {{}}\nio.on(\"connection\", (socket) => {{\n{body}\n}});\n"
        );
        crate::lang::ts::extract(&source, FileKind::Ts, &[], None)
            .handlers
            .iter()
            .filter_map(|h| Some((h.name.as_str()?.to_owned(), h.ack.is_some())))
            .filter(|(name, _)| name != "connection")
            .collect()
    }

    #[test]
    fn each_key_of_a_handler_map_is_a_handler_with_its_function() {
        let expected = [("a".to_owned(), true), ("b".to_owned(), false)];
        for body in [
            "const m = { a: onA, \"b\": onB };\nObject.keys(m).forEach((ev) => socket.on(ev, m[ev]));",
            "const m = { a: onA, b: onB };\nfor (const [ev, fn] of Object.entries(m)) socket.on(ev, fn);",
            "const m = { a: onA, b: onB };\nObject.entries(m).forEach(([ev, fn]) => socket.on(ev, fn));",
            "const m = { a: onA, b: onB };\nfor (const ev in m) socket.on(ev, m[ev]);",
        ] {
            assert_eq!(handlers(body), expected, "{body}");
        }
    }

    #[test]
    fn each_name_of_a_list_is_a_handler_with_the_shared_listener() {
        let expected = [("a".to_owned(), false), ("b".to_owned(), false)];
        assert_eq!(
            handlers("[\"a\", \"b\"].forEach((ev) => socket.on(ev, onB));"),
            expected
        );
        assert_eq!(
            handlers("const L = [\"a\", \"b\"];\nfor (const ev of L) socket.on(ev, onB);"),
            expected
        );
        // A parameter named like a map elsewhere in the file is not that map.
        assert!(handlers("const m = { a: onA };\nfunction f(m) { Object.keys(m).forEach((ev) => socket.on(ev, onB)); }").is_empty());
        // A map filled at run time stays one handler of unknown name.
        assert!(handlers("const m = { a: onA };\nm[x] = onB;\nfor (const [ev, fn] of Object.entries(m)) socket.on(ev, fn);").is_empty());
        assert!(
            handlers("const L = [\"a\"];\nL.push(x);\nL.forEach((ev) => socket.on(ev, onB));")
                .is_empty()
        );
        // A list with a name not known here stays one handler of unknown name.
        assert!(handlers("[\"a\", other()].forEach((ev) => socket.on(ev, onB));").is_empty());
    }
}
