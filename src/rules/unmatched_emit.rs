use std::collections::{HashMap, HashSet};

use super::Context;
use super::similar::{Closest, Pool, did_you_mean_any};
use crate::apps::AppId;
pub(super) use crate::catalog::UNMATCHED_EMIT as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::facts::{Side, Span};
use crate::graph::{EmitSite, EventGraph, FileId, HandlerSite, Presence, peer_sides};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let paired = cx.typo_pairs();
    let mut pools: HashMap<(AppId, Transport, Side), Pool> = HashMap::new();
    for (emit, name, presence) in unmatched(graph) {
        // An emit whose name is a typo of an unmatched handler's is half of one bug,
        // reported once by `event-name-mismatch`.
        if paired.has_emit(emit) {
            continue;
        }
        let receiving = emit.side.other();
        let pool = pools
            .entry((emit.app, emit.transport, receiving))
            .or_insert_with(|| handled_names(graph, emit.app, emit.transport, receiving));
        let diagnostic = diagnostic(cx, emit, name, pool);
        // An event nobody hears is dropped, but with no ack nothing waits on it either
        // (Tauri): a wiring smell, not a failure.
        let diagnostic = if emit.transport.acks_by_callback() {
            diagnostic
        } else {
            diagnostic.severity(crate::diagnostic::Severity::Warning)
        };
        out.push(match presence {
            Presence::Guessed => only_guessed(diagnostic, receiving),
            _ => diagnostic,
        });
    }
    for (emit, name, missed) in missed_targets(graph) {
        out.push(missed_target(cx, emit, name, &missed));
    }
}

/// The emits no handler receives, with their event name and how surely the receiving
/// side is there (never `Absent`).
pub(super) fn unmatched(graph: &EventGraph) -> Vec<(&EmitSite, &str, Presence)> {
    let mut out = Vec::new();
    for (emit, name) in undelivered(graph) {
        let presence = receiver_presence(graph, emit);
        if presence == Presence::Absent
            || peer_sides(emit.transport, emit.side)
                .iter()
                .any(|&side| graph.may_be_handled(emit.app, emit.transport, side, &emit.ns, name))
        {
            continue;
        }
        out.push((emit, name, presence));
    }
    out
}

/// The emits whose event is listened for, but only by listeners their target does not
/// reach (Tauri's `emit_to(EventTarget::window("main"), ..)` and a listener registered
/// on `WebviewWindow("main")`), with those listeners. The listeners are the same bug:
/// `unmatched-handler` matches by name and leaves them alone.
pub(super) fn missed_targets(graph: &EventGraph) -> Vec<(&EmitSite, &str, Vec<&HandlerSite>)> {
    let mut out = Vec::new();
    for (emit, name) in undelivered(graph) {
        let sides = peer_sides(emit.transport, emit.side);
        // Nothing listens by name (`unmatched` reports it), or something it reaches may.
        if !sides
            .iter()
            .any(|&side| graph.may_be_handled(emit.app, emit.transport, side, &emit.ns, name))
            || sides
                .iter()
                .any(|&side| graph.may_receive(emit, side, name))
        {
            continue;
        }
        let missed: Vec<&HandlerSite> = sides
            .iter()
            .flat_map(|&side| graph.handlers_named(emit.app, emit.transport, side, name))
            .filter(|h| h.confident && h.ns.matches(&emit.ns))
            .collect();
        if !missed.is_empty() {
            out.push((emit, name, missed));
        }
    }
    out
}

/// The finding for an emit whose target misses every listener of its event: a warning
/// naming the target and the listeners' registrations, labelled at each listener, with
/// the transport's help on how to aim at them.
fn missed_target(cx: &Context, emit: &EmitSite, name: &str, missed: &[&HandlerSite]) -> Diagnostic {
    let aimed = emit.target.describe();
    let registered: Vec<String> = {
        let mut targets: Vec<String> = missed.iter().map(|h| h.target.describe()).collect();
        targets.dedup();
        targets
    };
    let whom = match missed {
        [_] => "its only listener is".to_owned(),
        _ => format!("its {} listeners are", missed.len()),
    };
    let message = format!(
        "\"{name}\" is emitted to target {aimed}, which no listener for it takes: {whom} registered with {}, which that target does not reach, so the event is dropped without an error",
        registered.join(", ")
    );
    let mut diagnostic = Diagnostic::new(&RULE, emit.file, emit.span, message)
        .event(&emit.ns, name)
        .severity(Severity::Warning);
    for handler in missed {
        diagnostic = diagnostic.label(
            handler.file,
            handler.span,
            format!(
                "listens for \"{name}\" with target {} here",
                handler.target.describe()
            ),
        );
    }
    diagnostic.help(
        emit.transport
            .aim_help(&emit.target, &missed[0].target, cx.is_rust(emit.file)),
    )
}

/// The emits this rule judges, with their event name: named, on a socket of known
/// origin, of an event that is not the library's own, and that nothing its target
/// reaches receives by name.
fn undelivered(graph: &EventGraph) -> Vec<(&EmitSite, &str)> {
    let delivered = delivered_emits(graph);
    graph
        .emits
        .iter()
        .filter_map(|emit| Some((emit, emit.event.name()?)))
        .filter(|(emit, name)| {
            emit.confident
                && !emit.transport.is_request_reply()
                && !emit.transport.is_builtin_event(name)
                && !emit.transport.is_reserved_event(name)
                && !delivered.contains(&(emit.file, emit.span))
        })
        .collect()
}

/// The emit calls some handler receives in at least one of their namespaces. One call
/// can emit in several namespaces (a connection callback handed to both
/// `io.on("connection", ..)` and `io.of("/admin").on("connection", ..)`): written for
/// the namespaces that handle it, it is not a wiring bug where the others ignore it.
fn delivered_emits(graph: &EventGraph) -> HashSet<(FileId, Span)> {
    graph
        .emits
        .iter()
        .filter(|e| {
            e.event
                .name()
                .is_some_and(|name| graph.may_receive(e, e.side.other(), name))
        })
        .map(|e| (e.file, e.span))
        .collect()
}

/// Only judge a namespace whose receiving side is in the emit's app at all: a
/// client-only app says nothing about the server's handlers. When that side is seen only
/// through receivers that look like sockets, the finding is a doubt, not an error.
fn receiver_presence(graph: &EventGraph, emit: &EmitSite) -> Presence {
    let receiving = emit.side.other();
    let serves = if emit.transport.has_namespaces() {
        match receiving {
            Side::Server => graph.server_serves(emit.app, &emit.ns),
            Side::Client => graph.client_connects(emit.app, &emit.ns),
        }
    } else {
        graph.presence(emit.app, emit.transport, receiving) == Presence::Certain
    };
    if serves {
        Presence::Certain
    } else {
        // A side that is certainly there but does not serve this namespace says
        // nothing; one only guessed at raises a doubt.
        match graph.presence(emit.app, emit.transport, receiving) {
            Presence::Guessed => Presence::Guessed,
            _ => Presence::Absent,
        }
    }
}

/// The finding when the receiving side's sockets are only guessed at: info, saying why.
pub(super) fn only_guessed(diagnostic: Diagnostic, receiving: Side) -> Diagnostic {
    let note = format!(
        " (reported as info: the {} sockets of this app are only guessed at, since where they come from could not be resolved)",
        receiving.as_str()
    );
    let mut diagnostic = diagnostic.severity(Severity::Info);
    diagnostic.message.push_str(&note);
    diagnostic
}

/// Names a side of an app handles in `transport`, marked as orphans when nothing sends
/// them.
pub(super) fn handled_names(
    graph: &EventGraph,
    app: AppId,
    transport: Transport,
    side: Side,
) -> Pool<'_> {
    Pool::new(
        graph
            .handlers_of(app)
            .filter(|h| h.transport == transport && h.side == side && h.confident)
            .filter_map(|h| {
                let handled = h.event.name()?;
                if transport.is_builtin_event(handled) {
                    return None;
                }
                let orphan = !graph.may_be_emitted(app, transport, side.other(), &h.ns, handled);
                Some((handled, &h.ns, orphan))
            })
            .collect(),
    )
}

fn diagnostic(cx: &Context, emit: &EmitSite, name: &str, pool: &Pool) -> Diagnostic {
    let graph = cx.graph;
    let receiving = emit.side.other();
    let (whom, nobody, listener) = match receiving {
        Side::Server => ("the server", "no server handler", "the server listens"),
        Side::Client => ("clients", "no client", "clients listen"),
    };
    let consequence = if emit.ack {
        format!(
            "the packet is dropped, so the ack never comes: {}",
            cx.unanswered_ack(emit)
        )
    } else {
        "the packet is dropped without an error on either side".to_owned()
    };
    let message = if emit.transport.reaches_own_side() {
        // A Tauri event goes to every webview and to the core alike.
        format!("\"{name}\" is emitted but nothing listens for it: {consequence}")
    } else {
        format!(
            "\"{name}\" is emitted to {whom} but {nobody} listens for it{}: {consequence}",
            emit.ns.clause()
        )
    };
    let mut diagnostic =
        Diagnostic::new(&RULE, emit.file, emit.span, message).event(&emit.ns, name);

    // The right name in the wrong namespace.
    let elsewhere: Vec<_> = graph
        .handlers_named(emit.app, emit.transport, receiving, name)
        .filter(|h| h.confident)
        .collect();
    if let Some(first) = elsewhere.first() {
        for handler in &elsewhere {
            diagnostic = diagnostic.label(
                handler.file,
                handler.span,
                format!(
                    "{listener} for \"{name}\" in namespace \"{}\" here",
                    handler.ns.label()
                ),
            );
        }
        return diagnostic.help(format!(
            "emit it on a socket connected to namespace \"{}\", e.g. `io(\"<url>{}\")`",
            first.ns.label(),
            first.ns.label()
        ));
    }
    match pool.closest(name, &emit.ns).0 {
        Closest::One(candidate) => {
            for handler in graph.handlers_named(emit.app, emit.transport, receiving, candidate) {
                diagnostic = diagnostic.label(
                    handler.file,
                    handler.span,
                    format!("did you mean \"{candidate}\"? {listener} for it here"),
                );
            }
            diagnostic = diagnostic
                .help(format!(
                    "did you mean \"{candidate}\"? use the same name on both ends of the wire"
                ))
                .fix(rename(cx, emit, candidate));
        }
        Closest::Several(candidates) => {
            diagnostic = diagnostic.help(did_you_mean_any(&candidates));
        }
        Closest::None => {
            diagnostic = diagnostic.help(format!(
                "register a handler with `socket.on(\"{name}\", ...)` on the receiving side, or remove this emit"
            ));
        }
    }
    diagnostic
}

/// Renames the string literal at the emit, keeping its quote style.
/// When the name comes from a constant, the constant's definition is renamed.
pub(super) fn rename(cx: &Context, emit: &EmitSite, candidate: &str) -> Option<Fix> {
    let (file, literal) = match (emit.name_is_literal, emit.name_def) {
        (true, _) => (emit.file, emit.name_span),
        (false, Some(definition)) => definition,
        (false, None) => return None,
    };
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: format!(
            "rename the {} to \"{candidate}\"",
            emit.transport.words().message
        ),
        edits: vec![cx.rename_literal(file, literal, candidate)?],
    })
}
