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
pub mod tauri;

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
    /// Tauri v2 commands: the webview's `invoke` (the sending side, a client) and the
    /// Rust core's `#[tauri::command]`s in a live `generate_handler!` (the receiving
    /// side, a server). See [`tauri`] for why commands and events are two transports.
    TauriCommand,
    /// Tauri v2 events: `emit`/`listen` in the webview (client side) and in the Rust
    /// core (server side).
    TauriEvent,
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
    /// The client side's name: "client"; Tauri's "webview".
    pub client: &'static str,
    /// The server side's name: "server"; Tauri's "Rust core".
    pub server: &'static str,
    /// The client side as the subject of a sentence: "client"; "the webview".
    pub client_subject: &'static str,
    /// The server side as the subject of a sentence: "server"; "the Rust core".
    pub server_subject: &'static str,
    /// What receives a message: "handler"; Tauri's "listener" and "command".
    pub handler: &'static str,
    /// The title of `trace`'s report: `""` for a transport with namespaces (the
    /// namespace names it); "the Tauri command ".
    pub trace_title: &'static str,
    /// The library, as the emitter of its own events: "Socket.IO", "Tauri".
    pub library: &'static str,
    /// The sending call, as `graph` labels its edges: "emit"; Tauri's "invoke".
    pub call: &'static str,
    /// What a message is once sent: "emitted"; a Tauri command's "invoked".
    pub sent: &'static str,
    /// `trace`'s step for a receiver that runs, with `{side}`, `{subject}` and `{event}`
    /// to fill in: "{side} handler for \"{event}\" runs".
    pub runs: &'static str,
}

impl Words {
    /// [`Words::runs`] filled in with a side's name and subject (see
    /// `facts::Side::name`).
    pub fn runs(&self, side: &str, subject: &str, event: &str) -> String {
        self.runs
            .replace("{side}", side)
            .replace("{subject}", subject)
            .replace("{event}", event)
    }
}

impl Transport {
    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Transport::SocketIo => socket_io::NAME,
            Transport::TauriCommand => tauri::COMMAND_NAME,
            Transport::TauriEvent => tauri::EVENT_NAME,
        }
    }

    /// Its id in machine-readable output (`graph --format json`).
    pub fn id(self) -> &'static str {
        match self {
            Transport::SocketIo => "socket.io",
            Transport::TauriCommand => "tauri-command",
            Transport::TauriEvent => "tauri-event",
        }
    }

    /// How messages speak of its sites.
    pub fn words(self) -> &'static Words {
        match self {
            Transport::SocketIo => &socket_io::WORDS,
            Transport::TauriCommand => &tauri::COMMAND_WORDS,
            Transport::TauriEvent => &tauri::EVENT_WORDS,
        }
    }

    /// Whether its sites live in namespaces that must match (Socket.IO's `/admin`): the
    /// rules about namespaces apply only then.
    pub fn has_namespaces(self) -> bool {
        match self {
            Transport::SocketIo => true,
            Transport::TauriCommand | Transport::TauriEvent => false,
        }
    }

    /// Whether a receiving side runs middleware before its listeners (`io.use`,
    /// `socket.use`).
    pub fn has_middleware(self) -> bool {
        match self {
            Transport::SocketIo => true,
            Transport::TauriCommand | Transport::TauriEvent => false,
        }
    }

    /// Whether a listener answers by calling an acknowledgement callback the sender
    /// passed (rather than by returning a value).
    pub fn acks_by_callback(self) -> bool {
        match self {
            Transport::SocketIo => true,
            Transport::TauriCommand | Transport::TauriEvent => false,
        }
    }

    /// Whether `name` is an event the library itself emits on its objects (`connect`,
    /// `disconnect`, manager events): listening to it needs no emit in user code.
    pub fn is_builtin_event(self, name: &str) -> bool {
        match self {
            Transport::SocketIo => socket_io::BUILTIN_EVENTS.contains(&name),
            Transport::TauriCommand => false,
            Transport::TauriEvent => name.starts_with(tauri::BUILTIN_PREFIX),
        }
    }

    /// Whether user code may not send an event named `name`.
    pub fn is_reserved_event(self, name: &str) -> bool {
        match self {
            Transport::SocketIo => socket_io::RESERVED_EVENTS.contains(&name),
            // Tauri lets user code emit its `tauri://` events (they trigger the built-in
            // listeners); a name it refuses is `event-name-invalid`'s.
            Transport::TauriCommand | Transport::TauriEvent => false,
        }
    }

    /// Whether a send waits for the receiver's returned value (Tauri's `invoke` of a
    /// command) rather than being an event: the event rules leave such sites to the
    /// command rules.
    pub fn is_request_reply(self) -> bool {
        matches!(self, Transport::TauriCommand)
    }

    /// Whether an emit also reaches listeners on its own side: a Tauri event goes to
    /// every webview and to the core's listeners wherever it is emitted.
    pub fn reaches_own_side(self) -> bool {
        matches!(self, Transport::TauriEvent)
    }

    /// Whether an emit aimed at `emit` may reach a listener registered with `listener`:
    /// Tauri's event targets (see [`tauri::reaches`]). Socket.IO sites are all aimed at
    /// `Any`; its rooms are not targets.
    pub fn reaches(
        self,
        emit: &tauri::Target<tauri::Label>,
        listener: &tauri::Target<tauri::Label>,
    ) -> bool {
        match self {
            Transport::TauriEvent => tauri::reaches(emit, listener),
            Transport::SocketIo | Transport::TauriCommand => true,
        }
    }

    /// What to write at an emit aimed at `emit` (in Rust or not) so that it reaches a
    /// listener registered with `listener`, for a finding about a missed target.
    pub fn aim_help(
        self,
        emit: &tauri::Target<tauri::Label>,
        listener: &tauri::Target<tauri::Label>,
        rust: bool,
    ) -> String {
        listener.aim_help(emit, rust)
    }

    /// Whether `name` is a name this transport refuses at runtime (Tauri's event-name
    /// characters).
    pub fn is_invalid_name(self, name: &str) -> bool {
        match self {
            Transport::TauriEvent => !tauri::is_valid_event_name(name),
            Transport::SocketIo | Transport::TauriCommand => false,
        }
    }

    /// Whether it has a connection manager whose own events (`reconnect`, `ping`) are
    /// not emitted on the socket: see the rule `manager-event-on-socket`.
    pub fn has_manager_events(self) -> bool {
        match self {
            Transport::SocketIo => true,
            Transport::TauriCommand | Transport::TauriEvent => false,
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
