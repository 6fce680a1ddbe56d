//! `wirelint graph`: the event graph as JSON, Graphviz dot or Mermaid.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use super::Positions;
use crate::Analysis;
use crate::facts::{Calls, Side, Span};
use crate::graph::{FileId, HandlerSite};

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

#[derive(Serialize)]
struct EventNode {
    /// The `id` of the app the event is in.
    app: usize,
    event: String,
    namespace: String,
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
    /// For the call of a wrapper: where the wrapper registers the listener.
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<Via>,
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
    let mut events: BTreeMap<(usize, String, String), EventNode> = BTreeMap::new();
    let graph = &analysis.graph;
    for emit in &graph.emits {
        let Some(name) = emit.event.name() else {
            continue;
        };
        let range = positions.range(emit.file, emit.span);
        node(&mut events, emit.app, emit.ns.label(), name)
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
                via: via(&mut positions, emit.via),
            });
    }
    for handler in &graph.handlers {
        let Some(name) = handler.event.name() else {
            continue;
        };
        let range = positions.range(handler.file, handler.span);
        node(&mut events, handler.app, handler.ns.label(), name)
            .handlers
            .push(HandlerNode {
                side: handler.side,
                file: positions.path(handler.file),
                line: range.line,
                column: range.column,
                ack: ack_shape(handler),
                args: handler.params.as_ref().map(|p| p.count),
                via: via(&mut positions, handler.via),
            });
    }
    let apps = graph
        .apps
        .apps
        .iter()
        .enumerate()
        .map(|(id, app)| {
            let root = crate::report::display_path(&app.root);
            AppNode {
                id,
                name: app.name.clone().unwrap_or_else(|| root.clone()),
                root,
                files: app.files.iter().map(|&f| positions.path(f)).collect(),
            }
        })
        .collect();
    Graph {
        version: 1,
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

fn node<'m>(
    events: &'m mut BTreeMap<(usize, String, String), EventNode>,
    app: usize,
    ns: &str,
    name: &str,
) -> &'m mut EventNode {
    events
        .entry((app, ns.to_owned(), name.to_owned()))
        .or_insert_with(|| EventNode {
            app,
            event: name.to_owned(),
            namespace: ns.to_owned(),
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

fn dot(graph: &Graph) -> String {
    let mut out = String::from(
        "digraph wirelint {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n",
    );
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
            "  e{i} [shape=ellipse, label=\"{} {}\"];",
            escape(&event.namespace),
            escape(&event.event)
        );
        for emit in &event.emits {
            let _ = writeln!(
                out,
                "  \"{}:{}\" -> e{i} [label=\"{} emit{}\"];",
                escape(&emit.file),
                emit.line,
                emit.side.as_str(),
                if emit.ack { " + ack" } else { "" }
            );
        }
        for handler in &event.handlers {
            let _ = writeln!(
                out,
                "  e{i} -> \"{}:{}\" [label=\"{} handler\"];",
                escape(&handler.file),
                handler.line,
                handler.side.as_str()
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
        let _ = writeln!(
            out,
            "  e{i}([\"{} {}\"])",
            mermaid_text(&event.namespace),
            mermaid_text(&event.event)
        );
        for (j, emit) in event.emits.iter().enumerate() {
            let _ = writeln!(
                out,
                "  e{i}s{j}[\"{}:{}\"] -->|{} emit| e{i}",
                mermaid_text(&emit.file),
                emit.line,
                emit.side.as_str()
            );
        }
        for (j, handler) in event.handlers.iter().enumerate() {
            let _ = writeln!(
                out,
                "  e{i} -->|{} handler| e{i}h{j}[\"{}:{}\"]",
                handler.side.as_str(),
                mermaid_text(&handler.file),
                handler.line
            );
        }
    }
    if open.is_some() {
        out.push_str("  end\n");
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

fn mermaid_text(text: &str) -> String {
    text.replace('"', "#quot;")
}
