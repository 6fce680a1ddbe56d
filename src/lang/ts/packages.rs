//! The Socket.IO packages: which side an import specifier gives (`socket.io` the server,
//! `socket.io-client` and its browser bundle the client).

use crate::facts::Side;

pub(super) const CLIENT_PKG: &str = "socket.io-client";

pub(super) const SERVER_PKG: &str = "socket.io";

pub(super) fn package_side(specifier: &str) -> Option<Side> {
    // Every name and URL below contains `socket.io`; most specifiers of a project do
    // not, and this is asked for each import and callee (thousands of times).
    memchr::memmem::find(specifier.as_bytes(), SERVER_PKG.as_bytes())?;
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
