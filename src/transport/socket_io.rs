//! Socket.IO as a transport: its names, what it reserves, and how a client URL names
//! a namespace.

use super::Words;

pub const NAME: &str = "Socket.IO";

pub const WORDS: Words = Words {
    message: "event",
    sends: "emits",
    receives: "listens",
    client: "client",
    server: "server",
    client_subject: "client",
    server_subject: "server",
    handler: "handler",
    library: "Socket.IO",
    call: "emit",
    sent: "emitted",
    trace_title: "",
    runs: "{side} handler for \"{event}\" runs",
};

/// Events Socket.IO itself emits or listens for: never "unmatched".
pub const BUILTIN_EVENTS: &[&str] = &[
    "close",
    "connect",
    "connect_error",
    "connect_timeout",
    "connecting",
    "connection",
    "disconnect",
    "disconnecting",
    "error",
    "new_namespace",
    "newListener",
    "open",
    "packet",
    "ping",
    "pong",
    "reconnect",
    "reconnect_attempt",
    "reconnect_error",
    "reconnect_failed",
    "reconnecting",
    "removeListener",
];

/// Names `emit` refuses with `Error('"<name>" is a reserved event name')`.
pub const RESERVED_EVENTS: &[&str] = &[
    "connect",
    "connect_error",
    "disconnect",
    "disconnecting",
    "newListener",
    "removeListener",
];

/// The namespace a socket.io-client URL connects to: its path, `/` when it has none.
pub fn namespace_of_url(url: &str) -> String {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None if url.starts_with("//") => &url[2..],
        None if url.starts_with('/') => return clean_path(url),
        // `localhost:3000/admin`: the client prepends the page's protocol.
        None => url,
    };
    match rest.find('/') {
        Some(i) => clean_path(&rest[i..]),
        None => "/".to_owned(),
    }
}

fn clean_path(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let path = &path[..end];
    if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::namespace_of_url;

    #[test]
    fn url_namespaces() {
        assert_eq!(namespace_of_url(""), "/");
        assert_eq!(namespace_of_url("http://localhost:3000"), "/");
        assert_eq!(namespace_of_url("http://localhost:3000/"), "/");
        assert_eq!(namespace_of_url("https://h.example/admin"), "/admin");
        assert_eq!(namespace_of_url("https://h.example/admin?x=1"), "/admin");
        assert_eq!(namespace_of_url("/admin"), "/admin");
        assert_eq!(namespace_of_url("//h.example/chat"), "/chat");
        assert_eq!(namespace_of_url("localhost:3000/admin"), "/admin");
    }
}
