use super::Context;
pub(super) use crate::catalog::DYNAMIC_EVENT_NAME as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::ListenMethod;
use crate::graph::Event;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let emits = graph
        .emits
        .iter()
        .filter(|e| e.event == Event::Dynamic)
        .map(|e| Site {
            file: e.file,
            span: e.name_span,
            app: e.app,
            transport: e.transport,
            side: e.side,
            ns: &e.ns,
            kind: Kind::Emit,
            confident: e.confident,
        });
    // A catch-all that only logs receives nothing in the graph's sense.
    let handlers = graph
        .handlers
        .iter()
        .filter(|h| h.is_wildcard())
        .map(|h| Site {
            file: h.file,
            span: h.name_span,
            app: h.app,
            transport: h.transport,
            side: h.side,
            ns: &h.ns,
            kind: if h.method == ListenMethod::Any {
                Kind::CatchAll
            } else {
                Kind::Handler
            },
            confident: h.confident,
        });
    let mut seen = std::collections::HashSet::new();
    for site in emits.chain(handlers) {
        // A site on a receiver that only looks like a socket is reported where it hides
        // a finding: then it is why an event of its app is not reported.
        let hidden = if site.confident {
            None
        } else {
            match hides(graph, &site) {
                Some(name) => Some(name),
                None => continue,
            }
        };
        // A site reached through several sockets is still one place in the code.
        if !seen.insert((site.file, site.span)) {
            continue;
        }
        // Named as the transport names the other side ("webview"); a Tauri event
        // reaches both sides, so its other sites are not one side's.
        let words = site.transport.words();
        let other = if site.transport.reaches_own_side() {
            String::new()
        } else {
            match site.side.other() {
                crate::facts::Side::Client => format!("{} ", words.client),
                crate::facts::Side::Server => format!("{} ", words.server),
            }
        };
        let by = if other.is_empty() {
            "elsewhere".to_owned()
        } else {
            format!("by the {}", other.trim_end())
        };
        let (message, call, handler) = (words.message, words.call, words.handler);
        let sent = words.sent;
        let clause = site.ns.clause();
        // A name imported from a module no checked file is: unknown for want of the
        // file, which is what to fix; "computed at runtime" would misstate it.
        let unfound = (graph.unfound_names.get(&(site.file, site.span.start)))
            .filter(|_| hidden.is_none() && !matches!(site.kind, Kind::CatchAll));
        if let Some(specifier) = unfound {
            let (what, widened) = match site.kind {
                Kind::Emit => (
                    call,
                    format!(
                        "it may send any {message}, so no {other}{handler} of this app{clause} is reported as never {sent}"
                    ),
                ),
                _ => (
                    handler,
                    format!(
                        "it may receive any {message}, so no {other}{call} of this app{clause} is reported as unhandled"
                    ),
                ),
            };
            out.push(
                Diagnostic::new(&RULE, site.file, site.span, format!(
                    "the {message} name of this {what} is imported from `{specifier}`, which is not among the checked files: wirelint cannot read the name, and {widened} (other apps are not affected)"
                ))
                .help(format!(
                    "`{specifier}` leads to no checked file: a dangling symlink, a git submodule not checked out, a folder outside the checked paths or an ignored one (`--no-ignore`); check it with the rest so that the names can be read"
                )),
            );
            continue;
        }
        let message = match (site.kind, hidden) {
            (Kind::Emit, None) => format!(
                "the {message} name of this {call} is computed at runtime: it may send any {message}, so no {other}{handler} of this app{clause} is reported as never {sent}, and wirelint cannot check the name (other apps are not affected)"
            ),
            (Kind::Handler, None) => format!(
                "the {message} name of this {handler} is computed at runtime: it may receive any {message}, so no {other}{call} of this app{clause} is reported as unhandled, and wirelint cannot check the name (other apps are not affected)"
            ),
            (Kind::CatchAll, None) => format!(
                "this catch-all handler receives every event: no {other}emit of this app{clause} is reported as unhandled, so a misspelt name goes unnoticed (other apps are not affected)"
            ),
            (Kind::Emit, Some(name)) => format!(
                "this emit, on a receiver that only looks like a socket, may send any event (its name is computed at runtime): that is why the {other}handler for \"{name}\" in this app is not reported as never emitted"
            ),
            (Kind::Handler, Some(name)) => format!(
                "this handler, on a receiver that only looks like a socket, may receive any event (its name is computed at runtime): that is why \"{name}\", emitted {by} in this app, is not reported as unhandled"
            ),
            (Kind::CatchAll, Some(name)) => format!(
                "this catch-all, on a receiver that only looks like a socket, receives every event: that is why \"{name}\", emitted {by} in this app, is not reported as unhandled"
            ),
        };
        out.push(Diagnostic::new(&RULE, site.file, site.span, message).help(help(site.kind)));
    }
    unseen_peers(cx, out);
}

/// A socket handed to code the project does not hold widens matching on its side: say so
/// where it is handed over, as for a catch-all.
fn unseen_peers(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    for peer in cx.graph.unseen_peers() {
        if !seen.insert((peer.file, peer.span)) {
            continue;
        }
        let side = peer.side.as_str();
        let other = peer.side.other().as_str();
        let clause = peer.ns.clause();
        let constructor = &peer.constructor;
        let message = format!(
            "this {side} socket is handed to `{constructor}`, which no file of the project defines: it may listen for and emit any event, so no {other} emit of this app{clause} is reported as unhandled and no {other} handler as never emitted (other apps are not affected)"
        );
        out.push(
            Diagnostic::new(&RULE, peer.file, peer.span, message).help(format!(
                "if `{constructor}` is code of this project in a skipped folder (vendored, ignored, generated), check it too (`--no-ignore`); otherwise the events it handles cannot be checked"
            )),
        );
    }
}

/// A dynamic site as this rule sees it.
struct Site<'g> {
    file: crate::graph::FileId,
    span: crate::facts::Span,
    app: crate::apps::AppId,
    transport: crate::transport::Transport,
    side: crate::facts::Side,
    ns: &'g crate::graph::Ns,
    kind: Kind,
    confident: bool,
}

/// The first event of the site's app that only this kind of site keeps from being
/// reported: an emit no handler takes by name (for a handler), or a handler no emit
/// reaches by name (for an emit).
fn hides<'g>(graph: &'g crate::graph::EventGraph, site: &Site) -> Option<&'g str> {
    let (side, transport) = (site.side, site.transport);
    match site.kind {
        Kind::Emit => graph
            .handlers_of(site.app)
            .filter(|h| h.transport == transport && h.confident && h.side == side.other())
            .filter(|h| h.ns.matches(site.ns))
            .filter(|h| h.method != ListenMethod::Any)
            .filter_map(|h| h.event.name())
            .filter(|name| !transport.is_builtin_event(name))
            .find(|name| {
                !graph
                    .emits_named(site.app, transport, side, name)
                    .any(|e| e.ns.matches(site.ns))
            }),
        Kind::Handler | Kind::CatchAll => graph
            .emits_of(site.app)
            .filter(|e| e.transport == transport && e.confident && e.side == side.other())
            .filter(|e| e.ns.matches(site.ns))
            .filter_map(|e| e.event.name())
            .filter(|name| !transport.is_builtin_event(name))
            .filter(|name| !transport.is_reserved_event(name))
            .find(|name| {
                !graph
                    .handlers_named(site.app, transport, side, name)
                    .any(|h| h.ns.matches(site.ns))
            }),
    }
}

fn help(kind: Kind) -> &'static str {
    match kind {
        Kind::CatchAll => {
            "handle the events by name, or keep the catch-all for logging only (a catch-all that only logs covers nothing)"
        }
        _ => {
            "use a string literal or a `const` (an `as const` object or a string enum works too) so both ends can be checked"
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Emit,
    Handler,
    CatchAll,
}
