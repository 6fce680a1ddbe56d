//! Transports: the messaging systems whose wiring wirelint checks.
//!
//! Every emit, listener and removal site carries the [`Transport`] it belongs to, from the
//! front-end that reports it (facts) through the linker to the event graph. Sites pair
//! only within one transport: the graph's lookups are keyed by app, transport, side,
//! namespace and name. What differs between transports — whether there are namespaces,
//! middleware, manager events or callback acks, which names are reserved, the words of
//! messages — is asked of the transport here, never assumed by the linker or a rule.

use serde::{Deserialize, Serialize};

pub mod socket_io;

/// The messaging system a site belongs to.
///
/// To add one (Tauri commands and events, Electron IPC):
/// 1. add a variant here and a module `transport/<name>.rs` holding its policy (reserved
///    names, words, what it supports), like [`socket_io`];
/// 2. answer for it in each `match` of the `impl` below (the compiler lists them);
/// 3. make its front-ends (`lang/ts`, `lang/rust`) tag the `Emit`s, `Handler`s and
///    `Removal`s they report with it.
///
/// The linker, the graph's lookups and the rules that apply to every transport (unmatched
/// emits and listeners, dynamic names, leaks, suppression, fixes, `trace`, `graph`) then
/// work for it unchanged; a rule that applies to one transport only asks [`Transport`]
/// whether the site's transport has the feature it checks. The variant is part of the
/// cached facts: adding one changes `cache::FORMAT`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Transport {
    /// Socket.IO: socket.io and socket.io-client, NestJS gateways, socketioxide,
    /// rust_socketio.
    #[default]
    SocketIo,
}

/// How messages speak of a transport's sites.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Words {
    /// What travels: "event".
    pub message: &'static str,
    /// The sending call, as a verb: "emits".
    pub sends: &'static str,
    /// The receiving registration, as a verb: "listens".
    pub receives: &'static str,
}

impl Transport {
    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Transport::SocketIo => socket_io::NAME,
        }
    }

    /// How messages speak of its sites.
    pub fn words(self) -> &'static Words {
        match self {
            Transport::SocketIo => &socket_io::WORDS,
        }
    }

    /// Whether its sites live in namespaces that must match (Socket.IO's `/admin`): the
    /// rules about namespaces apply only then.
    pub fn has_namespaces(self) -> bool {
        match self {
            Transport::SocketIo => true,
        }
    }

    /// Whether a receiving side runs middleware before its listeners (`io.use`,
    /// `socket.use`).
    pub fn has_middleware(self) -> bool {
        match self {
            Transport::SocketIo => true,
        }
    }

    /// Whether a listener answers by calling an acknowledgement callback the sender
    /// passed (rather than by returning a value).
    pub fn acks_by_callback(self) -> bool {
        match self {
            Transport::SocketIo => true,
        }
    }

    /// Whether `name` is an event the library itself emits on its objects (`connect`,
    /// `disconnect`, manager events): listening to it needs no emit in user code.
    pub fn is_builtin_event(self, name: &str) -> bool {
        match self {
            Transport::SocketIo => socket_io::BUILTIN_EVENTS.contains(&name),
        }
    }

    /// Whether user code may not send an event named `name`.
    pub fn is_reserved_event(self, name: &str) -> bool {
        match self {
            Transport::SocketIo => socket_io::RESERVED_EVENTS.contains(&name),
        }
    }

    /// Whether it has a connection manager whose own events (`reconnect`, `ping`) are
    /// not emitted on the socket: see the rule `manager-event-on-socket`.
    pub fn has_manager_events(self) -> bool {
        match self {
            Transport::SocketIo => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Transport;

    #[test]
    fn socket_io_reserves_only_its_own_events() {
        // A reserved name is one the library emits itself: listening to it is fine.
        for name in super::socket_io::RESERVED_EVENTS {
            assert!(Transport::SocketIo.is_builtin_event(name), "{name}");
        }
        assert!(Transport::SocketIo.is_reserved_event("disconnecting"));
        assert!(!Transport::SocketIo.is_reserved_event("chat:message"));
        assert!(!Transport::SocketIo.is_builtin_event("chat:message"));
    }
}
