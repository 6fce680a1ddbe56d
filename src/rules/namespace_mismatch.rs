use std::collections::BTreeSet;

use super::Context;
pub(super) use crate::catalog::NAMESPACE_MISMATCH as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Side;
use crate::graph::{Ns, Presence};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    // Judged per app: a client meets only the server of its own app. Connections and
    // namespaces are Socket.IO's: the presence asked about is its.
    for connect in &graph.connects {
        let Ns::Static(name) = &connect.ns else {
            continue;
        };
        let app = connect.app;
        if graph.presence(app, Transport::SocketIo, Side::Server) != Presence::Certain
            || graph.server_serves(app, &connect.ns)
        {
            continue;
        }
        let served: Vec<_> = graph.namespaces.iter().filter(|n| n.app == app).collect();
        let defined: BTreeSet<&str> = std::iter::once("/")
            .chain(served.iter().map(|n| n.ns.label()))
            .collect();
        let defined = defined
            .iter()
            .map(|ns| format!("\"{ns}\""))
            .collect::<Vec<_>>()
            .join(", ");
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
        if let Some(first) = served.first() {
            diagnostic = diagnostic.label(
                first.file,
                first.span,
                "the server defines its namespaces here",
            );
        }
        out.push(diagnostic);
    }

    // The reverse: a server namespace with handlers that no client ever joins. Only
    // judged when every client connection of the app has a known namespace.
    let mut reported = BTreeSet::new();
    for namespace in &graph.namespaces {
        let Ns::Static(name) = &namespace.ns else {
            continue;
        };
        let app = namespace.app;
        let connects: Vec<_> = graph.connects.iter().filter(|c| c.app == app).collect();
        if graph.presence(app, Transport::SocketIo, Side::Client) != Presence::Certain
            || connects.iter().any(|c| c.ns == Ns::Any)
        {
            continue;
        }
        let has_handlers = graph
            .handlers
            .iter()
            .filter(|h| h.transport.has_namespaces())
            .any(|h| h.app == app && h.side == Side::Server && h.confident && h.ns == namespace.ns);
        if name == "/" || !has_handlers || graph.client_connects(app, &namespace.ns) {
            continue;
        }
        if !reported.insert((app, name.clone())) {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            &RULE,
            namespace.file,
            namespace.span,
            format!(
                "the server defines namespace \"{name}\" but no client of its app connects to it: its handlers never run"
            ),
        )
        .help(format!("connect with `io(\"<url>{name}\")` on the client, or remove the namespace"));
        diagnostic.namespace = Some(name.clone());
        for connect in connects {
            diagnostic = diagnostic.label(
                connect.file,
                connect.span,
                format!("the client connects to \"{}\" here", connect.ns.label()),
            );
        }
        out.push(diagnostic);
    }
}
