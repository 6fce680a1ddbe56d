//! Tauri v2 as two transports: commands (`invoke` in the webview, `#[tauri::command]` in
//! the Rust core) and events (`emit`/`listen` on both ends). See
//! `shared/reference/api-surface.md` §5.
//!
//! Why two transports rather than one with a per-site method: the graph pairs sites only
//! within a transport, so an invoke can never be taken for the emit of an event of the
//! same name (nor a command for a listener), and the rules that are about events
//! (`unmatched-emit`, `unmatched-handler`, leaks) need only ask
//! [`super::Transport::is_request_reply`] to leave commands to the command rules.

use super::Words;

pub const COMMAND_NAME: &str = "Tauri command";
pub const EVENT_NAME: &str = "Tauri event";

pub const COMMAND_WORDS: Words = Words {
    message: "command",
    sends: "invokes",
    receives: "defines",
    client: "webview",
    server: "Rust core",
    client_subject: "the webview",
    server_subject: "the Rust core",
    handler: "command",
    library: "Tauri",
    call: "invoke",
    trace_title: "the Tauri command ",
    runs: "the command \"{event}\" runs in {subject}",
};

pub const EVENT_WORDS: Words = Words {
    message: "event",
    sends: "emits",
    receives: "listens",
    client: "webview",
    server: "Rust core",
    client_subject: "the webview",
    server_subject: "the Rust core",
    handler: "listener",
    library: "Tauri",
    call: "emit",
    trace_title: "the Tauri event ",
    runs: "{subject} listens for \"{event}\" and runs the listener",
};

/// The prefix of the events Tauri itself emits (`tauri://resize`, `tauri://drag-drop`):
/// listening to one needs no emit in user code.
pub const BUILTIN_PREFIX: &str = "tauri://";

/// Whether Tauri accepts `name` as an event name: Unicode alphanumerics, `-`, `/`, `:`
/// and `_` (`is_event_name_valid`); anything else makes Rust's `emit`/`listen` panic and
/// the JS calls reject.
pub fn is_valid_event_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '_'))
}

#[cfg(test)]
mod tests {
    use super::is_valid_event_name;

    #[test]
    fn event_names_follow_tauris_check() {
        for good in [
            "note-saved",
            "sync/progress",
            "tauri://resize",
            "a_b:c",
            "été",
        ] {
            assert!(is_valid_event_name(good), "{good}");
        }
        for bad in ["user.login", "my event", "a@b", ""] {
            assert!(!is_valid_event_name(bad), "{bad}");
        }
    }
}
