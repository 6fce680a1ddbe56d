//! The Socket.IO packages: which side an import specifier gives (`socket.io` the server,
//! `socket.io-client` and its browser bundle the client).

use crate::facts::Side;

pub(super) const CLIENT_PKG: &str = "socket.io-client";

pub(super) const SERVER_PKG: &str = "socket.io";

pub(super) fn package_side(specifier: &str) -> Option<Side> {
    // Every name and URL below contains `socket.io`; most specifiers of a project do
    // not, and this is asked for each import and callee (thousands of times).
    if !mentions_socketio(specifier) {
        return None;
    }
    let package = specifier.split('/').next().unwrap_or(specifier);
    // `@scope/name` of `@scope/name/deep/path`.
    let scoped = match specifier.match_indices('/').nth(1) {
        Some((second_slash, _)) => &specifier[..second_slash],
        None => specifier,
    };
    if specifier == CLIENT_PKG
        || specifier.starts_with("socket.io-client/")
        || is_client_script_url(specifier)
    {
        Some(Side::Client)
    } else if package == SERVER_PKG
        || matches!(
            scoped,
            "@socket.io/redis-emitter"
                | "@socket.io/postgres-emitter"
                | "@socket.io/redis-streams-emitter"
        )
    {
        Some(Side::Server)
    } else {
        None
    }
}

/// Whether `specifier` contains `socket.io`, looked for at its dots: on names this
/// short, setting up a substring searcher (`memmem`) cost more than the search.
fn mentions_socketio(specifier: &str) -> bool {
    let bytes = specifier.as_bytes();
    memchr::memchr_iter(b'.', bytes)
        .any(|dot| bytes[..dot].ends_with(b"socket") && bytes[dot + 1..].starts_with(b"io"))
}

/// The client served by a Socket.IO server or a CDN, imported by URL from a page's
/// module script: `/socket.io/socket.io.esm.min.js`,
/// `https://cdn.socket.io/4.8.1/socket.io.esm.min.js`.
fn is_client_script_url(specifier: &str) -> bool {
    let by_url = ["/", "http://", "https://"]
        .iter()
        .any(|prefix| specifier.starts_with(prefix));
    let file = specifier.rsplit('/').next().unwrap_or(specifier);
    by_url && file.starts_with("socket.io") && file.ends_with(".js")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn socketio_is_found_wherever_it_is_in_the_specifier() {
        for specifier in [
            "socket.io",
            "socket.io-client",
            "@socket.io/redis-emitter",
            "https://cdn.socket.io/4.8.1/socket.io.esm.min.js",
            "./vendor/socket.io",
            "a.socket.io.b",
        ] {
            assert!(mentions_socketio(specifier), "{specifier}");
        }
        for specifier in [
            "",
            ".",
            "socket",
            "socket.i",
            "socketio",
            "./socket/io",
            "x.io",
            "socket-io",
        ] {
            assert!(!mentions_socketio(specifier), "{specifier}");
        }
        assert_eq!(package_side("socket.io/x"), Some(Side::Server));
        assert_eq!(package_side("./socket.js"), None);
    }
}
