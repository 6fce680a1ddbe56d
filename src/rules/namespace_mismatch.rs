use std::collections::BTreeSet;

use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::facts::Side;
use crate::graph::Ns;

pub const RULE: Rule = Rule {
    id: "namespace-mismatch",
    severity: Severity::Error,
    fix: FixAvailability::None,
    summary: "a client connects to a namespace that no server defines, or the reverse",
    doc: include_str!("../../rules/namespace-mismatch.md"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    if !graph.server_present {
        return;
    }
    let defined: BTreeSet<&str> = std::iter::once("/")
        .chain(graph.namespaces.iter().map(|n| n.ns.label()))
        .collect();
    let defined = defined
        .iter()
        .map(|ns| format!("\"{ns}\""))
        .collect::<Vec<_>>()
        .join(", ");
    for connect in &graph.connects {
        let Ns::Static(name) = &connect.ns else {
            continue;
        };
        if graph.server_serves(&connect.ns) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            &RULE,
            connect.file,
            connect.span,
            format!(
                "the client connects to namespace \"{name}\" but no server defines it: the connection fails with connect_error \"Invalid namespace\" and none of its events are delivered"
            ),
        )
        .help(format!("the server defines {defined}; use `io.of(\"{name}\")` on the server or connect to one of those"));
        diagnostic.namespace = Some(name.clone());
        if let Some(first) = graph.namespaces.first() {
            diagnostic = diagnostic.label(
                first.file,
                first.span,
                "the server defines its namespaces here",
            );
        }
        out.push(diagnostic);
    }

    // The reverse: a server namespace with handlers that no client ever joins. Only
    // judged when every client connection in the project has a known namespace.
    if !graph.client_present || graph.connects.iter().any(|c| c.ns == Ns::Any) {
        return;
    }
    let mut reported = BTreeSet::new();
    for namespace in &graph.namespaces {
        let Ns::Static(name) = &namespace.ns else {
            continue;
        };
        let has_handlers = graph
            .handlers
            .iter()
            .any(|h| h.side == Side::Server && h.confident && h.ns == namespace.ns);
        if name == "/" || !has_handlers || graph.client_connects(&namespace.ns) {
            continue;
        }
        if !reported.insert(name.clone()) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            &RULE,
            namespace.file,
            namespace.span,
            format!(
                "the server defines namespace \"{name}\" but no client in this project connects to it: its handlers never run"
            ),
        )
        .help(format!("connect with `io(\"<url>{name}\")` on the client, or remove the namespace"));
        diagnostic.namespace = Some(name.clone());
        for connect in &graph.connects {
            diagnostic = diagnostic.label(
                connect.file,
                connect.span,
                format!("the client connects to \"{}\" here", connect.ns.label()),
            );
        }
        out.push(diagnostic);
    }
}
