//! Language front-ends: the only code that knows a parser.

mod paths;
pub mod rust;
mod template;
pub mod ts;

use crate::discover::FileKind;
use crate::facts::{CallEffects, FileFacts, ParseError};
use crate::package::SelfPackage;

/// Whether a front-end summarizes each function's body as it extracts (see
/// [`CallEffects`]) or leaves that to be asked for with [`call_effects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bodies {
    Summarized,
    Deferred,
}

/// Every fact of a file, function bodies summarized. `socket_wrappers`: names of
/// functions the configuration says return a socket (`[sockets]`), so that a call of
/// one counts even where nothing defines it.
pub fn extract(text: &str, kind: FileKind, socket_wrappers: &[String]) -> FileFacts {
    extract_with(text, kind, socket_wrappers, None, Bodies::Summarized)
}

/// What the pipeline extracts of a file: every fact but the bodies of functions, which
/// the linker asks for with [`call_effects`] in the rare file that needs them.
/// `package`: the Socket.IO package the file belongs to, whose imports of itself are
/// imports of that package.
pub fn extract_in(
    text: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&SelfPackage>,
) -> FileFacts {
    extract_with(text, kind, socket_wrappers, package, Bodies::Deferred)
}

fn extract_with(
    text: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&SelfPackage>,
    bodies: Bodies,
) -> FileFacts {
    let mut facts = match kind {
        FileKind::Rust => rust::extract(text),
        _ => ts::extract_with(text, kind, socket_wrappers, package, bodies),
    };
    note_references(&mut facts, text);
    facts
}

/// The summarized body of each function of a file, by function id: what
/// [`extract_in`] deferred. The same inputs give the same functions in the same order.
pub fn call_effects(
    text: &str,
    kind: FileKind,
    socket_wrappers: &[String],
    package: Option<&SelfPackage>,
) -> Vec<Option<CallEffects>> {
    let facts = extract_with(text, kind, socket_wrappers, package, Bodies::Summarized);
    facts
        .functions
        .into_iter()
        .map(|function| function.effects)
        .collect()
}

/// What tells code nothing calls: the named functions and methods that hold a site
/// (no finding can be inside the others) and that no export offers to other modules.
/// Whether their names occur elsewhere is asked only when a finding is inside one (see
/// `severity.rs`): most runs have none, so no file's words are looked at.
fn note_references(facts: &mut FileFacts, text: &str) {
    if facts.scopes.is_empty() {
        return;
    }
    let sites: Vec<crate::facts::Span> = (facts.emits.iter().map(|e| e.span))
        .chain(facts.handlers.iter().map(|h| h.span))
        .chain(facts.connects.iter().map(|c| c.span))
        .chain(facts.middlewares.iter().map(|m| m.span))
        .chain(facts.removals.iter().map(|r| r.span))
        .chain(facts.promises.iter().map(|p| p.span))
        .chain(facts.namespaces.iter().map(|n| n.span))
        .collect();
    let holds_a_site = holds_one_of(sites);
    facts
        .scopes
        .retain(|scope| holds_a_site(scope.span) && !exported(text, scope.span.start));
    facts.scopes.sort_by_key(|scope| scope.span);
    facts.scopes.dedup();
}

/// Whether a span holds one of `sites` (starts at or before it and ends at or after
/// it), without comparing each span asked with every site (a large file has thousands
/// of both): with the sites by their start, those that start in the span or later are
/// a suffix, and one of them ends in the span when the least end of that suffix does.
fn holds_one_of(mut sites: Vec<crate::facts::Span>) -> impl Fn(crate::facts::Span) -> bool {
    sites.sort_unstable_by_key(|site| site.start);
    let mut least_end_from: Vec<u32> = sites.iter().map(|site| site.end).collect();
    for at in (1..least_end_from.len()).rev() {
        least_end_from[at - 1] = least_end_from[at - 1].min(least_end_from[at]);
    }
    move |span| {
        let first = sites.partition_point(|site| site.start < span.start);
        least_end_from
            .get(first)
            .is_some_and(|&end| end <= span.end)
    }
}

/// The quotes that open the string literals of a file's code, for telling whether a
/// function's name occurs there (`crate::words`). An event is often named as the
/// function that emits it (`login()` emits "login"): quoted strings of code do not
/// reference anything. Markup (a `.vue` template's `@click="login()"`) calls code from
/// inside quotes, so it keeps them.
pub fn code_quotes(kind: FileKind) -> &'static [u8] {
    match kind {
        FileKind::Rust => b"\"",
        FileKind::Ts | FileKind::Tsx | FileKind::Js | FileKind::Dts => b"\"'",
        _ => b"",
    }
}

/// Whether importing this package name gives Socket.IO values (`socket.io`,
/// `socket.io-client`, the emitters): the packages whose own files need a [`SelfPackage`].
pub fn is_socketio_package(name: &str) -> bool {
    ts::is_socketio_package(name)
}

thread_local! {
    static IN_PARSER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a third-party parser, turning a panic inside it into `Err` with its message. A
/// parser that panics has met input it does not handle, which is the file's syntax
/// error as far as the user can act on it, not a crash of wirelint.
pub fn parse_guarded<T>(parse: impl FnOnce() -> T) -> Result<T, String> {
    IN_PARSER.with(|flag| flag.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse));
    IN_PARSER.with(|flag| flag.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|message| (*message).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default()
    })
}

/// Whether this thread is inside [`parse_guarded`]: a panic hook stays quiet then, since
/// the panic becomes the file's parse error.
pub fn in_guarded_parser() -> bool {
    IN_PARSER.with(std::cell::Cell::get)
}

/// Whether a (fixed) text still parses, with the parser's message when it does not.
pub fn check_syntax(text: &str, kind: FileKind) -> Result<(), String> {
    match extract(text, kind, &[]).parse_error {
        Some(error) => Err(error.message),
        None => Ok(()),
    }
}

/// The facts of a file that did not parse: its loose strings and the parse error, or,
/// for a template (see `template.rs`), the error that says so. `language`: what the
/// file is written in, or would be once rendered.
fn unparsed(text: &str, error: ParseError, language: &str) -> FileFacts {
    let placeholder = template::template_placeholder(text, &error);
    FileFacts {
        loose_strings: loose_strings(text),
        parse_error: Some(match placeholder {
            Some(span) => template::template_error(span, language),
            None => error,
        }),
        template: placeholder.is_some(),
        ..FileFacts::default()
    }
}

/// The quoted strings of a file that did not parse, found without a parser: any of them
/// may be an event name its broken code uses.
fn loose_strings(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let quote = bytes[i];
        if matches!(quote, b'"' | b'\'' | b'`') {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            if j < bytes.len() && bytes[j] == quote {
                if let Some(s) = text.get(start..j)
                    && !s.is_empty()
                    && s.len() < 200
                {
                    out.push(s.to_owned());
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    out.sort();
    out.dedup();
    out
}

/// `export function f`, `export const f = () => ...`: a module's export is there for
/// other modules (or a library's users) to call, whether or not this project does.
fn exported(text: &str, start: u32) -> bool {
    let before = text.get(..start as usize).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let line = line.trim_start();
    line.starts_with("export ") || line.starts_with("export\t")
}

/// Parses without extracting anything (the parser floor of the benchmarks).
pub fn parses(text: &str, kind: FileKind) -> bool {
    match kind {
        FileKind::Rust => rust::parses(text),
        _ => ts::parses(text, kind),
    }
}

/// The order a front-end directory's modules are written in (its `mod.rs` doc comment),
/// checked by its tests: each module names through `super::` only those before it, so
/// that the directory's dependencies form no cycle, and every module it declares is
/// in the order.
#[cfg(test)]
pub(crate) mod module_order {
    /// The sibling modules a file names through `super::` (`super::a::f`,
    /// `super::{a, b}`): a text scan, which also sees paths in comments and strings.
    fn siblings_used<'t>(text: &'t str) -> Vec<&'t str> {
        let mut used = Vec::new();
        for (at, _) in text.match_indices("super::") {
            let rest = &text[at + "super::".len()..];
            let ident = |name: &'t str| {
                let name = name.trim_start();
                let end =
                    (name.find(|c: char| !c.is_alphanumeric() && c != '_')).unwrap_or(name.len());
                &name[..end]
            };
            match rest.strip_prefix('{') {
                Some(group) => {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    used.extend(group.split(',').map(ident));
                }
                None => used.push(ident(rest)),
            }
        }
        used
    }

    /// `order`: each module's name and text, lowest first.
    pub(crate) fn assert_each_uses_only_those_before_it(order: &[(&str, &str)]) {
        for (index, (module, text)) in order.iter().enumerate() {
            for used in siblings_used(text) {
                let later = order[index..].iter().any(|(name, _)| *name == used);
                assert!(!later, "{module}.rs uses {used}, which is not before it");
            }
        }
    }

    /// `mod_rs`: the text of the directory's `mod.rs`.
    pub(crate) fn assert_every_module_is_in_the_order(mod_rs: &str, order: &[(&str, &str)]) {
        let mut declared: Vec<&str> = mod_rs
            .lines()
            .filter_map(|line| line.strip_prefix("pub mod ").or(line.strip_prefix("mod ")))
            .filter_map(|rest| rest.strip_suffix(';'))
            .collect();
        let mut ordered: Vec<&str> = order.iter().map(|(name, _)| *name).collect();
        ordered.sort_unstable();
        declared.sort_unstable();
        assert_eq!(declared, ordered);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_holding_a_site_are_found_as_by_comparing_each_pair() {
        use crate::facts::Span;
        let spans: Vec<Span> = (0..6u32)
            .flat_map(|start| (0..6u32).map(move |end| Span::new(start, end)))
            .collect();
        // Every set of up to three sites among the spans (inverted ones included).
        for a in 0..spans.len() {
            for b in a..spans.len() {
                for c in [None, Some(spans[(a * 7 + b) % spans.len()])] {
                    let sites: Vec<Span> = [spans[a], spans[b]].into_iter().chain(c).collect();
                    let holds = holds_one_of(sites.clone());
                    for &span in &spans {
                        let expected = (sites.iter())
                            .any(|site| span.start <= site.start && site.end <= span.end);
                        assert_eq!(holds(span), expected, "{span:?} {sites:?}");
                    }
                }
            }
        }
    }
    use crate::facts::Calls;

    /// What the linker judges a function by, as `(name, [(param, calls)], throws)`.
    fn effects(
        functions: &[crate::facts::Function],
        effects: &[Option<CallEffects>],
    ) -> Vec<String> {
        functions
            .iter()
            .zip(effects)
            .map(|(function, effects)| {
                format!(
                    "{:?} {:?} {:?}",
                    function.name,
                    effects.as_ref().map(|e| &e.param_calls),
                    function.throws
                )
            })
            .collect()
    }

    #[test]
    fn the_pipeline_defers_call_effects_and_gets_them_back_by_function_id() {
        let source = "import { check } from \"./check\";\n\
                      export function save(data, done) { if (!data) return; done(null); }\n\
                      export const fail = (reason) => { throw new Error(reason); };\n\
                      function both(x, cb) { check(x); cb(); }\n\
                      export default { run: (a, next) => next() };\n";
        let deferred = extract_in(source, FileKind::Ts, &[], None);
        assert!(!deferred.functions.is_empty());
        assert!(deferred.functions.iter().all(|f| f.effects.is_none()));
        // What a call may throw is never deferred: the linker reads it without asking.
        let throws: Vec<_> = (deferred.functions.iter())
            .filter_map(|f| Some((f.name.as_deref()?, f.throws.itself, f.throws.via.len())))
            .collect();
        assert!(throws.contains(&("fail", true, 0)), "{throws:?}");
        assert!(throws.contains(&("both", false, 1)), "{throws:?}");
        let summarized = extract(source, FileKind::Ts, &[]);
        let now: Vec<_> = summarized
            .functions
            .iter()
            .map(|f| f.effects.clone())
            .collect();
        let asked = call_effects(source, FileKind::Ts, &[], None);
        assert_eq!(
            effects(&deferred.functions, &asked),
            effects(&summarized.functions, &now)
        );
        let save = summarized
            .functions
            .iter()
            .find(|f| f.name.as_deref() == Some("save"));
        let save = save
            .and_then(|f| f.effects.as_ref())
            .map(|e| e.param_calls.clone());
        assert_eq!(save, Some(vec![(1, Calls::Some)]));
    }

    #[test]
    fn rust_bodies_are_never_deferred() {
        let facts = extract_in(
            "fn on_msg(ack: AckSender) { ack.send(&1).ok(); }\n",
            FileKind::Rust,
            &[],
            None,
        );
        assert!(facts.functions.iter().all(|f| f.effects.is_some()));
    }
}
