use std::collections::{HashMap, HashSet};

use super::Context;
use super::similar::{Closest, Pool, did_you_mean_any};
use crate::apps::AppId;
pub(super) use crate::catalog::UNMATCHED_HANDLER as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::facts::{ListenMethod, Side, Span};
use crate::graph::{EmitSite, EventGraph, FileId, HandlerSite, Presence, peer_sides};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let paired = cx.typo_pairs();
    let mut pools: HashMap<(AppId, Transport, Side), Pool> = HashMap::new();
    for (handler, name, presence) in unmatched(graph) {
        // Half of a typo pair: reported once by `event-name-mismatch`.
        if paired.has_handler(handler) {
            continue;
        }
        let sending = handler.side.other();
        let pool = pools
            .entry((handler.app, handler.transport, sending))
            .or_insert_with(|| emitted_names(graph, handler.app, handler.transport, sending));
        let diagnostic = diagnostic(cx, handler, name, pool);
        out.push(match presence {
            Presence::Guessed => super::unmatched_emit::only_guessed(diagnostic, sending),
            _ => diagnostic,
        });
    }
    for (handler, name, missing) in missed_by_targets(graph) {
        out.push(missed_target(cx, handler, name, &missing));
    }
}

/// The event of a listener these checks judge: a confident listener of a named event,
/// not a wildcard, a command answered by its return value, or an event the transport
/// emits itself.
fn judged_name(handler: &HandlerSite) -> Option<&str> {
    let name = handler.event.name()?;
    (handler.confident
        && handler.method != ListenMethod::Any
        && !handler.transport.is_request_reply()
        && !handler.transport.is_builtin_event(name))
    .then_some(name)
}

/// The listeners whose event is emitted, but by no emit whose target reaches them
/// (Tauri's `emit_to("main", ..)` and a core listener registered on `App`), with those
/// emits. A listener labelled in an `unmatched-emit` finding (an emit that reaches no
/// listener at all) is that finding's: here only those missed by emits that reach
/// other listeners.
fn missed_by_targets(graph: &EventGraph) -> Vec<(&HandlerSite, &str, Vec<&EmitSite>)> {
    let mut reported: Option<HashSet<(FileId, Span)>> = None;
    let mut out = Vec::new();
    for handler in &graph.handlers {
        let Some(name) = judged_name(handler) else {
            continue;
        };
        let sides = peer_sides(handler.transport, handler.side);
        // Nothing emits it by name (`unmatched` reports it), or something that reaches
        // it may.
        if !sides.iter().any(|&side| {
            graph.may_be_emitted(handler.app, handler.transport, side, &handler.ns, name)
        }) || sides
            .iter()
            .any(|&side| graph.may_send(handler, side, name))
        {
            continue;
        }
        let reported = reported.get_or_insert_with(|| {
            super::unmatched_emit::missed_targets(graph)
                .into_iter()
                .flat_map(|(_, _, missed)| missed.into_iter().map(|h| (h.file, h.span)))
                .collect()
        });
        if reported.contains(&(handler.file, handler.span)) {
            continue;
        }
        let missing: Vec<&EmitSite> = sides
            .iter()
            .flat_map(|&side| graph.emits_named(handler.app, handler.transport, side, name))
            .filter(|e| e.confident && e.ns.matches(&handler.ns))
            .collect();
        if !missing.is_empty() {
            out.push((handler, name, missing));
        }
    }
    out
}

/// The finding for a listener that every emit of its event misses by target.
fn missed_target(
    cx: &Context,
    handler: &HandlerSite,
    name: &str,
    missing: &[&EmitSite],
) -> Diagnostic {
    let registered = handler.target.describe();
    let mut aimed: Vec<String> = missing.iter().map(|e| e.target.describe()).collect();
    aimed.sort();
    aimed.dedup();
    let words = handler.transport.words();
    let who = match handler.side {
        Side::Server => words.server,
        Side::Client => words.client,
    };
    let emits = match missing {
        [_] => "its only emit is",
        _ => "its emits are",
    };
    let message = format!(
        "the {who} {} for \"{name}\" with target {registered}, which no emit of it reaches ({emits} aimed at {}): this handler never runs",
        words.receives,
        aimed.join(", ")
    );
    let mut diagnostic =
        Diagnostic::new(&RULE, handler.file, handler.span, message).event(&handler.ns, name);
    for emit in missing {
        diagnostic = diagnostic.label(
            emit.file,
            emit.span,
            format!("emitted to target {} here", emit.target.describe()),
        );
    }
    let first = missing[0];
    diagnostic.help(handler.transport.aim_help(
        &first.target,
        &handler.target,
        cx.is_rust(first.file),
    ))
}

/// The handlers nothing emits towards, with their event name and how surely the
/// sending side is there (never `Absent`).
///
/// Matched by name only: a listener whose event is emitted, but aimed at targets that
/// miss it (Tauri's `emit_to`), is one bug with that emit, reported there by
/// `unmatched-emit` with the listener labelled.
pub(super) fn unmatched(graph: &EventGraph) -> Vec<(&HandlerSite, &str, Presence)> {
    let reached = reached_registrations(graph);
    let mut out = Vec::new();
    for handler in &graph.handlers {
        let Some(name) = judged_name(handler) else {
            continue;
        };
        if reached.contains(&(handler.file, handler.span)) {
            continue;
        }
        let presence = sender_presence(graph, handler);
        if presence == Presence::Absent
            || peer_sides(handler.transport, handler.side)
                .iter()
                .any(|&side| {
                    graph.may_be_emitted(handler.app, handler.transport, side, &handler.ns, name)
                })
        {
            continue;
        }
        out.push((handler, name, presence));
    }
    out
}

/// The registrations some emit reaches in at least one of their namespaces. One
/// registration can serve several namespaces (a connection callback handed to both
/// `io.on("connection", ..)` and `io.of("/admin").on("connection", ..)`): it runs
/// whenever one of them receives the event, so it never runs only when none does.
fn reached_registrations(graph: &EventGraph) -> HashSet<(FileId, Span)> {
    graph
        .handlers
        .iter()
        .filter(|h| {
            h.event.name().is_some_and(|name| {
                graph.may_be_emitted(h.app, h.transport, h.side.other(), &h.ns, name)
            })
        })
        .map(|h| (h.file, h.span))
        .collect()
}

/// Whether the sending side is in the handler's app: see `unmatched_emit`.
fn sender_presence(graph: &EventGraph, handler: &HandlerSite) -> Presence {
    let sending = handler.side.other();
    let present = if handler.transport.has_namespaces() {
        match sending {
            Side::Client => graph.client_connects(handler.app, &handler.ns),
            Side::Server => graph.server_serves(handler.app, &handler.ns),
        }
    } else {
        graph.presence(handler.app, handler.transport, sending) == Presence::Certain
    };
    if present {
        Presence::Certain
    } else {
        // A side that is certainly there but does not serve this namespace says
        // nothing; one only guessed at raises a doubt.
        match graph.presence(handler.app, handler.transport, sending) {
            Presence::Guessed => Presence::Guessed,
            _ => Presence::Absent,
        }
    }
}

/// Names a side of an app emits in `transport`, marked as orphans when nothing receives
/// them.
pub(super) fn emitted_names(
    graph: &EventGraph,
    app: AppId,
    transport: Transport,
    side: Side,
) -> Pool<'_> {
    Pool::new(
        graph
            .emits_of(app)
            .filter(|e| e.transport == transport && e.side == side && e.confident)
            .filter_map(|e| {
                let emitted = e.event.name()?;
                let orphan = !graph.may_be_handled(app, transport, side.other(), &e.ns, emitted);
                Some((emitted, &e.ns, orphan))
            })
            .collect(),
    )
}

fn diagnostic(cx: &Context, handler: &HandlerSite, name: &str, pool: &Pool) -> Diagnostic {
    let graph = cx.graph;
    let sending = handler.side.other();
    // The verbs are the transport's ("listens", "emits").
    let words = handler.transport.words();
    let (receives, sends) = (words.receives, words.sends);
    let (client, server) = (words.client, words.server);
    let (who, senders) = match handler.side {
        Side::Server => (format!("the {server}"), format!("no {client} {sends} it")),
        Side::Client => (
            format!("the {client}"),
            format!("the {server} never {sends} it"),
        ),
    };
    // A Tauri event reaches both sides, wherever it is emitted.
    let senders = if handler.transport.reaches_own_side() {
        format!("nothing {sends} it")
    } else {
        senders
    };
    let message = format!(
        "{who} {receives} for \"{name}\" but {senders}{}: this handler never runs",
        handler.ns.clause()
    );
    let mut diagnostic =
        Diagnostic::new(&RULE, handler.file, handler.span, message).event(&handler.ns, name);
    let (found, orphan) = pool.closest(name, &handler.ns);
    match found {
        Closest::One(candidate) => {
            for emit in graph.emits_named(handler.app, handler.transport, sending, candidate) {
                diagnostic = diagnostic.label(
                    emit.file,
                    emit.span,
                    format!("did you mean \"{candidate}\"? it is emitted here"),
                );
            }
            // A typo pair (an unmatched emit and an unmatched handler) is fixed once, on
            // the emit's side: renaming both would only swap the names.
            let literal = match (handler.name_is_literal, handler.name_def) {
                (true, _) => Some((handler.file, handler.name_span)),
                (false, definition) => definition,
            };
            let fix = literal
                .filter(|_| !orphan)
                .and_then(|(file, span)| cx.rename_literal(file, span, candidate))
                .map(|edit| Fix {
                    applicability: Applicability::Suggestion,
                    description: format!("listen for \"{candidate}\" instead"),
                    edits: vec![edit],
                });
            diagnostic = diagnostic
                .help(format!(
                    "did you mean \"{candidate}\"? use the same name on both ends of the wire"
                ))
                .fix(fix);
        }
        Closest::Several(candidates) => {
            diagnostic = diagnostic.help(did_you_mean_any(&candidates));
        }
        Closest::None => {
            diagnostic = diagnostic.help(
                "remove the handler, or emit the event from the other side; if a client outside this repository sends it, suppress with `// wirelint-ignore-next-line unmatched-handler -- <reason>`",
            );
        }
    }
    diagnostic
}
