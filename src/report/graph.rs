//! `wirelint graph`: the event graph as JSON, Graphviz dot or Mermaid.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;

use serde::Serialize;

use super::Positions;
use crate::Analysis;
use crate::facts::{Calls, Side, Span};
use crate::graph::{FileId, HandlerSite};
use crate::transport::Transport;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    Json,
    Dot,
    Mermaid,
}

#[derive(Serialize)]
struct Graph {
    version: u32,
    /// The apps the files are partitioned into: events pair only within one.
    apps: Vec<AppNode>,
    events: Vec<EventNode>,
}

#[derive(Serialize)]
struct AppNode {
    id: usize,
    /// The `[apps]` name when the configuration lists it, else its directory.
    name: String,
    root: String,
    files: Vec<String>,
}

/// One event in one namespace of one app, in one direction: a client emit and a server
/// emit of the same name are different edges of the wire, as `check` pairs them.
#[derive(Serialize)]
struct EventNode {
    /// The `id` of the app the event is in.
    app: usize,
    /// The transport's id when it is not Socket.IO: `tauri-command` (invokes → commands)
    /// or `tauri-event`.
    #[serde(rename = "transport", skip_serializing_if = "Option::is_none")]
    transport_id: Option<&'static str>,
    #[serde(skip)]
    transport: Transport,
    event: String,
    namespace: String,
    /// The side that emits it and the side that handles it.
    from: Side,
    to: Side,
    emits: Vec<EmitNode>,
    handlers: Vec<HandlerNode>,
}

#[derive(Serialize)]
struct EmitNode {
    side: Side,
    file: String,
    line: u32,
    column: u32,
    ack: bool,
    timeout: bool,
    broadcast: bool,
    args: Option<u32>,
    /// No handler may receive it: the end of the wire `check` reports.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unmatched: bool,
    /// The other namespaces whose handlers it may reach: an emit whose namespace is not
    /// known reaches the handlers of every namespace, as `check` pairs it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    reaches: Vec<String>,
    /// For the call of a wrapper: where the wrapper makes the emit.
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<Via>,
}

#[derive(Serialize)]
struct Via {
    file: String,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct HandlerNode {
    side: Side,
    file: String,
    line: u32,
    column: u32,
    /// How the handler answers an ack: `none` (takes no ack), `all-paths`, `some-paths`
    /// or `unknown`.
    ack: &'static str,
    args: Option<u32>,
    /// No emit may reach it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unmatched: bool,
    /// For the call of a wrapper: where the wrapper registers the listener.
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<Via>,
    /// The method a framework calls as the handler: a NestJS gateway's
    /// `ChatGateway.send`.
    #[serde(skip_serializing_if = "Option::is_none")]
    method: Option<String>,
    /// For a Tauri command (an entry of a `generate_handler!`): the `#[tauri::command]`
    /// fn it registers.
    #[serde(skip_serializing_if = "Option::is_none")]
    command: Option<Via>,
}

impl HandlerNode {
    /// `file:line`, and the method when it has one; for a Tauri command, the
    /// registration and the fn it registers.
    fn site(&self) -> String {
        match (&self.method, &self.command) {
            (Some(method), _) => format!("{}:{} {method}", self.file, self.line),
            // The fn is usually beside its registration, or in a module of it.
            (None, Some(command)) if command.file == self.file => {
                format!("{}:{} → fn at line {}", self.file, self.line, command.line)
            }
            (None, Some(command)) => format!(
                "{}:{} → fn at {}:{}",
                self.file, self.line, command.file, command.line
            ),
            (None, None) => format!("{}:{}", self.file, self.line),
        }
    }
}

fn via(positions: &mut Positions, via: Option<(FileId, Span)>) -> Option<Via> {
    let (file, span) = via?;
    let range = positions.range(file, span);
    Some(Via {
        file: positions.path(file),
        line: range.line,
        column: range.column,
    })
}

fn build(analysis: &Analysis) -> Graph {
    let mut positions = Positions::new(analysis);
    let mut events: BTreeMap<Key, EventNode> = BTreeMap::new();
    let graph = &analysis.graph;
    // The calls whose other end exists, in at least one of the namespaces they run in
    // (one call in a connection callback shared by two namespaces is one end), as the
    // `unmatched-*` rules judge them: on the other side, or on either for a transport
    // whose messages reach their own side too (a Tauri event from one webview to
    // another), with the targets honoured. Socket.IO's own events are answered by
    // Socket.IO.
    let answered: HashSet<(FileId, Span)> = graph
        .emits
        .iter()
        .filter(|e| {
            e.event.name().is_some_and(|name| {
                e.transport.is_builtin_event(name)
                    || (crate::graph::peer_sides(e.transport, e.side).iter())
                        .any(|&side| graph.may_receive(e, side, name))
            })
        })
        .map(|e| (e.file, e.span))
        .chain(
            graph
                .handlers
                .iter()
                .filter(|h| {
                    h.event.name().is_some_and(|name| {
                        h.transport.is_builtin_event(name)
                            || (crate::graph::peer_sides(h.transport, h.side).iter())
                                .any(|&side| graph.may_send(h, side, name))
                    })
                })
                .map(|h| (h.file, h.span)),
        )
        .collect();
    // Sockets of a known origin are drawn (a `socket.io` import, a server or namespace, a
    // connection callback's parameter...). A value that merely looks like a socket may be
    // a WebSocket, a net socket or any emitter, which `check` never reports as a wire
    // either: it is drawn only where it connects to a site of known origin, as `check`
    // connects them (`socket` assigned later in a module, read in a helper).
    let drawn_emit = |emit: &crate::graph::EmitSite| {
        emit.confident || graph.receivers(emit).any(|h| h.confident)
    };
    let drawn_handler = |handler: &crate::graph::HandlerSite| {
        handler.confident || graph.senders(handler).any(|e| e.confident)
    };
    // The `#[tauri::command]` fn of each name, for the command sites; none for a name
    // several fns share (per-OS variants, duplicates), which the entry alone does not
    // tell apart.
    let mut command_fns: HashMap<&str, Option<(FileId, Span)>> = HashMap::new();
    for (file, source) in analysis.files.iter().enumerate() {
        for command in &source.facts.tauri_commands {
            command_fns
                .entry(command.name.as_str())
                .and_modify(|only| *only = None)
                .or_insert(Some((file, command.span)));
        }
    }
    for emit in graph.emits.iter().filter(|e| drawn_emit(e)) {
        let Some(name) = emit.event.name() else {
            continue;
        };
        let range = positions.range(emit.file, emit.span);
        let reaches: BTreeSet<String> = graph
            .receivers(emit)
            .filter(|h| drawn_handler(h))
            .map(|h| h.ns.label())
            .filter(|ns| *ns != emit.ns.label())
            .map(str::to_owned)
            .collect();
        let unmatched = !answered.contains(&(emit.file, emit.span));
        node(
            &mut events,
            emit.app,
            emit.transport,
            emit.ns.label(),
            name,
            emit.side,
        )
        .emits
        .push(EmitNode {
            side: emit.side,
            file: positions.path(emit.file),
            line: range.line,
            column: range.column,
            ack: emit.ack,
            timeout: emit.timeout,
            broadcast: emit.broadcast,
            args: emit.args,
            unmatched,
            reaches: reaches.into_iter().collect(),
            via: via(&mut positions, emit.via),
        });
    }
    for handler in graph.handlers.iter().filter(|h| drawn_handler(h)) {
        let Some(name) = handler.event.name() else {
            continue;
        };
        let range = positions.range(handler.file, handler.span);
        let unmatched = !answered.contains(&(handler.file, handler.span));
        let command = match handler.transport {
            // `plugin:notes-sync|sync_now` registers the plugin's fn `sync_now`.
            Transport::TauriCommand => command_fns
                .get(name.rsplit('|').next().unwrap_or(name))
                .copied()
                .flatten(),
            Transport::SocketIo | Transport::TauriEvent => None,
        };
        node(
            &mut events,
            handler.app,
            handler.transport,
            handler.ns.label(),
            name,
            handler.side.other(),
        )
        .handlers
        .push(HandlerNode {
            side: handler.side,
            file: positions.path(handler.file),
            line: range.line,
            column: range.column,
            ack: ack_shape(handler),
            args: handler.params.as_ref().map(|p| p.count),
            unmatched,
            via: via(&mut positions, handler.via),
            method: handler
                .ack
                .as_ref()
                .filter(|ack| ack.nest.is_some())
                .and_then(|_| handler.listener_name.clone()),
            command: via(&mut positions, command),
        });
    }
    let apps = graph
        .apps
        .apps
        .iter()
        .enumerate()
        .map(|(id, app)| {
            let root = crate::discover::display_path(&app.root);
            AppNode {
                id,
                name: app.name.clone().unwrap_or_else(|| root.clone()),
                root,
                files: app.files.iter().map(|&f| positions.path(f)).collect(),
            }
        })
        .collect();
    Graph {
        // 2: one node per direction, `unmatched` and `reaches`.
        version: 2,
        apps,
        events: events.into_values().collect(),
    }
}

fn ack_shape(handler: &HandlerSite) -> &'static str {
    match (&handler.ack, &handler.params) {
        (Some(ack), _) => match ack.summary.calls {
            Calls::All => "all-paths",
            Calls::Some => "some-paths",
            Calls::Never => "none",
            Calls::Unknown => "unknown",
        },
        (None, Some(params)) if !params.rest => "none",
        (None, _) => "unknown",
    }
}

/// (app, namespace, event, emitting side, transport): one node of the graph.
type Key = (usize, String, String, Side, Transport);

fn node<'m>(
    events: &'m mut BTreeMap<Key, EventNode>,
    app: usize,
    transport: Transport,
    ns: &str,
    name: &str,
    from: Side,
) -> &'m mut EventNode {
    events
        .entry((app, ns.to_owned(), name.to_owned(), from, transport))
        .or_insert_with(|| EventNode {
            app,
            transport_id: (transport != Transport::SocketIo).then(|| transport.id()),
            transport,
            event: name.to_owned(),
            namespace: ns.to_owned(),
            from,
            to: from.other(),
            emits: Vec::new(),
            handlers: Vec::new(),
        })
}

pub fn render(analysis: &Analysis, format: GraphFormat) -> String {
    let graph = build(analysis);
    match format {
        GraphFormat::Json => {
            let mut text = serde_json::to_string_pretty(&graph).unwrap_or_else(|_| "{}".to_owned());
            text.push('\n');
            text
        }
        GraphFormat::Dot => dot(&graph),
        GraphFormat::Mermaid => mermaid(&graph),
    }
}

/// The node of each (app, namespace, event, emitting side), for the edges of emits
/// that reach other namespaces.
fn node_index(graph: &Graph) -> HashMap<(usize, &str, &str, Side, Transport), usize> {
    graph
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (
                (
                    e.app,
                    e.namespace.as_str(),
                    e.event.as_str(),
                    e.from,
                    e.transport,
                ),
                i,
            )
        })
        .collect()
}

/// `/ message:new (client to server)`; without namespaces, what travels instead:
/// `command delete_note (webview to Rust core)`.
fn node_label(event: &EventNode) -> String {
    let words = event.transport.words();
    let kind = if event.transport.has_namespaces() {
        event.namespace.as_str()
    } else {
        words.message
    };
    format!(
        "{kind} {} ({} to {})",
        event.event,
        event.from.name(words),
        event.to.name(words)
    )
}

/// An emit edge's label: `client emit`, `webview invoke`.
fn emit_label(event: &EventNode, emit: &EmitNode) -> String {
    let words = event.transport.words();
    format!("{} {}", emit.side.name(words), words.call)
}

/// A handler edge's label: `server handler`, `Rust core command`.
fn handler_label(event: &EventNode, handler: &HandlerNode) -> String {
    let words = event.transport.words();
    format!("{} {}", handler.side.name(words), words.handler)
}

fn dot(graph: &Graph) -> String {
    let mut out = String::from(
        "digraph wirelint {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n",
    );
    let index = node_index(graph);
    // Several apps: one cluster each, so what pairs with what is visible.
    let clustered = graph.apps.len() > 1;
    let mut open: Option<usize> = None;
    for (i, event) in graph.events.iter().enumerate() {
        if clustered && open != Some(event.app) {
            if open.is_some() {
                out.push_str("  }\n");
            }
            let _ = writeln!(
                out,
                "  subgraph cluster_app{} {{\n    label=\"app {}\";",
                event.app,
                escape(&graph.apps[event.app].name)
            );
            open = Some(event.app);
        }
        let _ = writeln!(
            out,
            "  e{i} [shape=ellipse, label=\"{}\"];",
            escape(&node_label(event))
        );
        for emit in &event.emits {
            let site = format!("\"{}:{}\"", escape(&emit.file), emit.line);
            if emit.unmatched {
                let _ = writeln!(out, "  {site} [color=red, penwidth=2];");
            }
            let _ = writeln!(
                out,
                "  {site} -> e{i} [label=\"{}{}\"];",
                emit_label(event, emit),
                if emit.ack { " + ack" } else { "" }
            );
            for ns in &emit.reaches {
                if let Some(k) = index.get(&(
                    event.app,
                    ns.as_str(),
                    event.event.as_str(),
                    event.from,
                    event.transport,
                )) {
                    let _ = writeln!(out, "  {site} -> e{k} [style=dashed, label=\"may reach\"];");
                }
            }
        }
        for handler in &event.handlers {
            let site = format!("\"{}\"", escape(&handler.site()));
            if handler.unmatched {
                let _ = writeln!(out, "  {site} [color=red, penwidth=2];");
            }
            let _ = writeln!(
                out,
                "  e{i} -> {site} [label=\"{}\"];",
                handler_label(event, handler)
            );
        }
    }
    if open.is_some() {
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

fn mermaid(graph: &Graph) -> String {
    let mut out = String::from("flowchart LR\n");
    let index = node_index(graph);
    let mut any_unmatched = false;
    // Several apps: one subgraph each, so what pairs with what is visible.
    let clustered = graph.apps.len() > 1;
    let mut open: Option<usize> = None;
    for (i, event) in graph.events.iter().enumerate() {
        if clustered && open != Some(event.app) {
            if open.is_some() {
                out.push_str("  end\n");
            }
            let _ = writeln!(
                out,
                "  subgraph app{}[\"app {}\"]",
                event.app,
                mermaid_text(&graph.apps[event.app].name)
            );
            open = Some(event.app);
        }
        let _ = writeln!(out, "  e{i}([\"{}\"])", mermaid_text(&node_label(event)));
        // An end nothing answers is drawn in the `unmatched` class.
        let class = |unmatched: bool| if unmatched { ":::unmatched" } else { "" };
        for (j, emit) in event.emits.iter().enumerate() {
            any_unmatched |= emit.unmatched;
            let _ = writeln!(
                out,
                "  e{i}s{j}[\"{}:{}\"]{} -->|{}| e{i}",
                mermaid_text(&emit.file),
                emit.line,
                class(emit.unmatched),
                emit_label(event, emit)
            );
            for ns in &emit.reaches {
                if let Some(k) = index.get(&(
                    event.app,
                    ns.as_str(),
                    event.event.as_str(),
                    event.from,
                    event.transport,
                )) {
                    let _ = writeln!(out, "  e{i}s{j} -.->|may reach| e{k}");
                }
            }
        }
        for (j, handler) in event.handlers.iter().enumerate() {
            any_unmatched |= handler.unmatched;
            let _ = writeln!(
                out,
                "  e{i} -->|{}| e{i}h{j}[\"{}\"]{}",
                handler_label(event, handler),
                mermaid_text(&handler.site()),
                class(handler.unmatched)
            );
        }
    }
    if open.is_some() {
        out.push_str("  end\n");
    }
    if any_unmatched {
        out.push_str("  classDef unmatched stroke:#d33,stroke-width:2px\n");
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
}
