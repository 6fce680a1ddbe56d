//! `event-name-mismatch`: an emit nothing receives and a handler nothing reaches whose
//! names are a likely typo or rename of each other, in one app, direction and
//! namespace. That is one bug with two ends, so it is one finding here instead of an
//! `unmatched-emit` plus an `unmatched-handler`; those two rules skip the sites paired
//! here and keep the genuinely one-sided cases.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Context;
use super::similar::{Closest, Pool};
use crate::apps::AppId;
pub(super) use crate::catalog::EVENT_NAME_MISMATCH as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{Side, Span};
use crate::graph::{EmitSite, EventGraph, FileId, HandlerSite, Presence};
use crate::transport::Transport;

/// One typo pair: every unmatched emit of `emitted` and every unmatched handler of
/// `handled` on the receiving side, in one app and namespace.
pub struct TypoPair<'g> {
    pub emitted: &'g str,
    pub handled: &'g str,
    pub emits: Vec<&'g EmitSite>,
    pub handlers: Vec<&'g HandlerSite>,
}

/// The typo pairs of a graph, and which sites they hold, so that the two one-sided
/// rules can leave those sites to this one.
#[derive(Default)]
pub struct TypoPairs<'g> {
    pub pairs: Vec<TypoPair<'g>>,
    emit_sites: HashSet<(FileId, Span)>,
    handler_sites: HashSet<(FileId, Span)>,
}

impl TypoPairs<'_> {
    pub fn has_emit(&self, emit: &EmitSite) -> bool {
        self.emit_sites.contains(&(emit.file, emit.span))
    }

    pub fn has_handler(&self, handler: &HandlerSite) -> bool {
        self.handler_sites.contains(&(handler.file, handler.span))
    }
}

/// Pairs an unmatched emit with an unmatched handler when each one's closest name
/// ("did you mean") on the other side is the other, and both are orphans: a name
/// already wired to something else is a different event, not the other half of a
/// typo. Only sides that are certainly there are paired; a side only guessed at keeps
/// the one-sided findings, which say so. Linear in the unmatched sites.
pub fn typo_pairs(graph: &EventGraph) -> TypoPairs<'_> {
    // (app, emitting side, emitted name, handled name) → the pair, in a sorted map so
    // that the findings come out in one order.
    type Key<'g> = (AppId, Transport, Side, &'g str, &'g str);
    let mut emits_by_key: BTreeMap<Key, Vec<&EmitSite>> = BTreeMap::new();
    let mut handled_pools: HashMap<(AppId, Transport, Side), Pool> = HashMap::new();
    for (emit, name, presence) in super::unmatched_emit::unmatched(graph) {
        let receiving = emit.side.other();
        if presence != Presence::Certain {
            continue;
        }
        let pool = handled_pools
            .entry((emit.app, emit.transport, receiving))
            .or_insert_with(|| {
                super::unmatched_emit::handled_names(graph, emit.app, emit.transport, receiving)
            });
        if let (Closest::One(handled), true) = pool.closest(name, &emit.ns) {
            emits_by_key
                .entry((emit.app, emit.transport, emit.side, name, handled))
                .or_default()
                .push(emit);
        }
    }
    if emits_by_key.is_empty() {
        return TypoPairs::default();
    }
    let mut handlers_by_key: HashMap<Key, Vec<&HandlerSite>> = HashMap::new();
    let mut emitted_pools: HashMap<(AppId, Transport, Side), Pool> = HashMap::new();
    for (handler, name, presence) in super::unmatched_handler::unmatched(graph) {
        let sending = handler.side.other();
        if presence != Presence::Certain {
            continue;
        }
        let pool = emitted_pools
            .entry((handler.app, handler.transport, sending))
            .or_insert_with(|| {
                super::unmatched_handler::emitted_names(
                    graph,
                    handler.app,
                    handler.transport,
                    sending,
                )
            });
        if let (Closest::One(emitted), true) = pool.closest(name, &handler.ns) {
            handlers_by_key
                .entry((handler.app, handler.transport, sending, emitted, name))
                .or_default()
                .push(handler);
        }
    }
    let mut out = TypoPairs::default();
    for (key, emits) in emits_by_key {
        let Some(handlers) = handlers_by_key.remove(&key) else {
            continue;
        };
        // The handlers of the emits' namespaces only (a handler in another namespace
        // is another wire).
        let handlers: Vec<&HandlerSite> = handlers
            .into_iter()
            .filter(|h| emits.iter().any(|e| e.ns.matches(&h.ns)))
            .collect();
        if handlers.is_empty() {
            continue;
        }
        out.emit_sites
            .extend(emits.iter().map(|e| (e.file, e.span)));
        out.handler_sites
            .extend(handlers.iter().map(|h| (h.file, h.span)));
        let (_, _, _, emitted, handled) = key;
        out.pairs.push(TypoPair {
            emitted,
            handled,
            emits,
            handlers,
        });
    }
    out
}

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    out.extend(
        cx.typo_pairs()
            .pairs
            .iter()
            .filter_map(|pair| diagnostic(cx, pair)),
    );
}

/// `None` only for a pair without sites, which `typo_pairs` never makes.
fn diagnostic(cx: &Context, pair: &TypoPair) -> Option<Diagnostic> {
    let (emitted, handled) = (pair.emitted, pair.handled);
    let first_emit = pair.emits.first()?;
    let receiving = first_emit.side.other();
    let (listeners, emitters) = match receiving {
        Side::Server => ("the server listens", "clients emit"),
        Side::Client => ("clients listen", "the server emits"),
    };
    let ns = first_emit.ns.clause();
    let consequence = match pair.emits.iter().find(|e| e.ack) {
        Some(waiting) => format!(
            "the packet is dropped and the handler never runs, so the ack never comes: {}",
            cx.unanswered_ack(waiting)
        ),
        None => "the packet is dropped and the handler never runs, without an error on either side"
            .to_owned(),
    };
    // The side with fewer sites is the one that is wrong; the emit when they are as
    // many (one emit and one handler: the emit is usually the newer code).
    let emit_is_wrong = pair.emits.len() <= pair.handlers.len();
    let diagnostic = if emit_is_wrong {
        let message = format!(
            "\"{emitted}\" is emitted but {listeners} for \"{handled}\"{ns}: one of the two names is a typo, and {consequence}"
        );
        let mut d = Diagnostic::new(&RULE, first_emit.file, first_emit.span, message)
            .event(&first_emit.ns, emitted);
        for emit in &pair.emits[1..] {
            d = d.label(
                emit.file,
                emit.span,
                format!("\"{emitted}\" is also emitted here"),
            );
        }
        for handler in &pair.handlers {
            d = d.label(
                handler.file,
                handler.span,
                format!("{listeners} for \"{handled}\" here"),
            );
        }
        d.help(format!(
            "rename the emitted \"{emitted}\" to \"{handled}\" (or the handler, if it is the one that is wrong) so both ends use one name, ideally from one shared constant"
        ))
        .fix(rename(
            cx,
            pair.emits.iter().map(|e| (e.file, e.name_is_literal, e.name_span, e.name_def)),
            handled,
            format!("emit \"{handled}\" instead of \"{emitted}\""),
        ))
    } else {
        let first_handler = pair.handlers.first()?;
        let message = format!(
            "{listeners} for \"{handled}\" but {emitters} \"{emitted}\"{ns}: one of the two names is a typo, and {consequence}"
        );
        let mut d = Diagnostic::new(&RULE, first_handler.file, first_handler.span, message)
            .event(&first_handler.ns, handled);
        for handler in &pair.handlers[1..] {
            d = d.label(
                handler.file,
                handler.span,
                format!("{listeners} for \"{handled}\" here too"),
            );
        }
        for emit in &pair.emits {
            d = d.label(
                emit.file,
                emit.span,
                format!("\"{emitted}\" is emitted here"),
            );
        }
        d.help(format!(
            "rename the handled \"{handled}\" to \"{emitted}\": it is emitted from more places than it is handled"
        ))
        .fix(rename(
            cx,
            pair.handlers
                .iter()
                .map(|h| (h.file, h.name_is_literal, h.name_span, h.name_def)),
            emitted,
            format!("listen for \"{emitted}\" instead of \"{handled}\""),
        ))
    };
    Some(diagnostic)
}

/// One edit per string that names the wrong side's event: the literal at each site, or
/// the constant it comes from (once, however many sites share it). No fix when one of
/// them cannot be renamed, since a partial rename would split the event in three.
fn rename(
    cx: &Context,
    sites: impl Iterator<Item = (FileId, bool, Span, Option<(FileId, Span)>)>,
    to: &str,
    description: String,
) -> Option<Fix> {
    let mut edits: Vec<Edit> = Vec::new();
    let mut seen = HashSet::new();
    for (file, is_literal, name_span, definition) in sites {
        let (file, literal) = match (is_literal, definition) {
            (true, _) => (file, name_span),
            (false, Some(definition)) => definition,
            (false, None) => return None,
        };
        if seen.insert((file, literal)) {
            edits.push(cx.rename_literal(file, literal, to)?);
        }
    }
    Some(Fix {
        applicability: Applicability::Suggestion,
        description,
        edits,
    })
}
