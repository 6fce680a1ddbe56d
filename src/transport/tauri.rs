//! Tauri v2 as two transports: commands (`invoke` in the webview, `#[tauri::command]` in
//! the Rust core) and events (`emit`/`listen` on both ends). See
//! `shared/reference/api-surface.md` §5.
//!
//! Why two transports rather than one with a per-site method: the graph pairs sites only
//! within a transport, so an invoke can never be taken for the emit of an event of the
//! same name (nor a command for a listener), and the rules that are about events
//! (`unmatched-emit`, `unmatched-handler`, leaks) need only ask
//! [`super::Transport::is_request_reply`] to leave commands to the command rules.

use serde::{Deserialize, Serialize};

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
    sent: "invoked",
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
    sent: "emitted",
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

/// Tauri's `EventTarget`: at an emit, which listeners it is aimed at; at a listener, the
/// target it was registered with. `L` is the label: a [`crate::facts::Value`] in the
/// facts, a [`Label`] once the linker has resolved it. Socket.IO sites are all `Any`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target<L> {
    /// An emit to every listener (`emit`, `emit_to(EventTarget::Any, ..)`); a listener
    /// that takes every emit of its name (`listen` from `@tauri-apps/api/event`,
    /// `listen_any`).
    #[default]
    Any,
    /// `emit_to("main", ..)`, `emitTo("main", ..)`, `EventTarget::labeled(..)`.
    AnyLabel(L),
    /// `EventTarget::App`; the listeners of `app.listen`/`handle.listen`.
    App,
    /// `EventTarget::window(..)`; the listeners of `window.listen`,
    /// `getCurrentWindow().listen`.
    Window(L),
    /// `EventTarget::webview(..)`; `getCurrentWebview().listen`.
    Webview(L),
    /// `EventTarget::webview_window(..)`; `getCurrentWebviewWindow().listen`.
    WebviewWindow(L),
    /// Decided at run time (`emit_filter`) or not readable here (a receiver of unknown
    /// type): may be any target, so it never makes a pair fail.
    Unknown,
}

/// A resolved label: `None` when it is not known statically. The window a
/// `getCurrentWindow()` stands for is any window the app opens, so its label is unknown,
/// and an unknown label may be any label: it never makes a pair fail.
pub type Label = Option<String>;

impl<L> Target<L> {
    /// The same target with its label mapped (resolved by the linker).
    pub fn map<M>(&self, mut label: impl FnMut(&L) -> M) -> Target<M> {
        match self {
            Target::Any => Target::Any,
            Target::AnyLabel(l) => Target::AnyLabel(label(l)),
            Target::App => Target::App,
            Target::Window(l) => Target::Window(label(l)),
            Target::Webview(l) => Target::Webview(label(l)),
            Target::WebviewWindow(l) => Target::WebviewWindow(label(l)),
            Target::Unknown => Target::Unknown,
        }
    }

    fn label(&self) -> Option<&L> {
        match self {
            Target::AnyLabel(l)
            | Target::Window(l)
            | Target::Webview(l)
            | Target::WebviewWindow(l) => Some(l),
            Target::Any | Target::App | Target::Unknown => None,
        }
    }
}

/// Whether an emit aimed at `emit` may reach a listener registered with `listener`,
/// as Tauri's `emit_to` and `match_any_or_filter` decide: a listener registered with
/// `Any` takes everything, a global emit reaches everything, `AnyLabel(l)` reaches the
/// window, webview and webview-window listeners labelled `l`, and any other target only
/// listeners registered with exactly that target. What is not known (a target decided at
/// run time, an unknown label) may match.
pub fn reaches(emit: &Target<Label>, listener: &Target<Label>) -> bool {
    // Two labels are different only when both are known.
    let same = |a: &Label, b: &Label| match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    match (emit, listener) {
        (Target::Any | Target::Unknown, _) | (_, Target::Any | Target::Unknown) => true,
        (
            Target::AnyLabel(aimed),
            Target::Window(label) | Target::Webview(label) | Target::WebviewWindow(label),
        ) => same(aimed, label),
        // `emit_to`'s filter for a label looks at windows and webviews only: an `App`
        // listener, or one registered with `AnyLabel` itself, gets global emits alone.
        (Target::AnyLabel(_), _) => false,
        (Target::App, Target::App) => true,
        (Target::Window(a), Target::Window(b))
        | (Target::Webview(a), Target::Webview(b))
        | (Target::WebviewWindow(a), Target::WebviewWindow(b)) => same(a, b),
        _ => false,
    }
}

impl Target<Label> {
    /// The target as `EventTarget` spells it: `Window("main")`, `App`,
    /// `WebviewWindow(<unknown label>)`.
    pub fn describe(&self) -> String {
        let kind = match self {
            Target::Any => "Any",
            Target::AnyLabel(_) => "AnyLabel",
            Target::App => "App",
            Target::Window(_) => "Window",
            Target::Webview(_) => "Webview",
            Target::WebviewWindow(_) => "WebviewWindow",
            Target::Unknown => "an unknown target",
        };
        match self.label() {
            Some(Some(label)) => format!("{kind}(\"{label}\")"),
            Some(None) => format!("{kind}(<label unknown>)"),
            None => kind.to_owned(),
        }
    }

    /// What to write at an emit aimed at `emit` so that it reaches a listener registered
    /// with this target, in the emitter's language (`rust`: the core's `emit_to`; else
    /// the webview's `emitTo`). The label is the listener's, or the emit's when the
    /// listener's is not known (a `getCurrentWindow()`).
    pub fn aim_help(&self, emit: &Target<Label>, rust: bool) -> String {
        let label = match (self.label(), emit.label()) {
            (Some(Some(label)), _) | (_, Some(Some(label))) => label.as_str(),
            _ => "<label>",
        };
        let exact = match self {
            Target::Window(_) => ("window", "Window"),
            Target::Webview(_) => ("webview", "Webview"),
            Target::WebviewWindow(_) => ("webview_window", "WebviewWindow"),
            // An `App` listener (or an `AnyLabel` one) gets only global emits or exactly
            // `EventTarget::App`.
            Target::App => {
                return if rust {
                    "emit it with `emit(..)` or `emit_to(EventTarget::App, ..)`".to_owned()
                } else {
                    "emit it with `emit(..)`, which reaches every listener".to_owned()
                };
            }
            Target::Any | Target::AnyLabel(_) | Target::Unknown => {
                return "emit it with `emit(..)`, which reaches every listener".to_owned();
            }
        };
        if rust {
            format!(
                "aim it at the label, which reaches windows, webviews and webview windows alike: `emit_to(\"{label}\", ..)`, or at the listener's exact target: `emit_to(EventTarget::{}(\"{label}\"), ..)`",
                exact.0
            )
        } else {
            format!(
                "aim it at the label, which reaches windows, webviews and webview windows alike: `emitTo(\"{label}\", ..)`, or at the listener's exact target: `emitTo({{ kind: \"{}\", label: \"{label}\" }}, ..)`",
                exact.1
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Label, Target, is_valid_event_name, reaches};

    fn label(l: &str) -> Label {
        Some(l.to_owned())
    }

    #[test]
    fn targets_match_as_tauris_filter_does() {
        let main = || label("main");
        // A global emit, and a listener registered with `Any`, match everything.
        assert!(reaches(&Target::Any, &Target::WebviewWindow(main())));
        assert!(reaches(&Target::Window(main()), &Target::Any));
        // A label reaches every kind of window with it, not the app or another label.
        assert!(reaches(&Target::AnyLabel(main()), &Target::Window(main())));
        assert!(reaches(
            &Target::AnyLabel(main()),
            &Target::WebviewWindow(main())
        ));
        assert!(!reaches(
            &Target::AnyLabel(main()),
            &Target::Webview(label("settings"))
        ));
        assert!(!reaches(&Target::AnyLabel(main()), &Target::App));
        assert!(!reaches(
            &Target::AnyLabel(main()),
            &Target::AnyLabel(main())
        ));
        // An exact target reaches exactly that target.
        assert!(!reaches(
            &Target::Window(main()),
            &Target::WebviewWindow(main())
        ));
        assert!(reaches(&Target::Window(main()), &Target::Window(main())));
        assert!(!reaches(&Target::App, &Target::Window(main())));
        assert!(reaches(&Target::App, &Target::App));
        // What is unknown may match.
        assert!(reaches(&Target::Unknown, &Target::App));
        assert!(reaches(&Target::Window(main()), &Target::Unknown));
        assert!(reaches(
            &Target::AnyLabel(main()),
            &Target::WebviewWindow(None)
        ));
        assert!(reaches(&Target::Webview(None), &Target::Webview(main())));
        assert!(!reaches(&Target::Webview(None), &Target::Window(main())));
    }

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
