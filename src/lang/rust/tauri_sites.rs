//! Tauri v2's wiring in a Rust file (read by `tauri.rs`) turned into sites of the event
//! graph: the Rust core is the server side. Commands in a live `generate_handler!` are
//! the receivers of `Transport::TauriCommand` (named as `invoke` names them: `save_note`,
//! or `plugin:<name>|<command>` for a plugin's list); `emit*`/`listen*` are sites of
//! `Transport::TauriEvent`. The command fns themselves go to `FileFacts::tauri_commands`
//! for the rules that compare an invoke with its command.

use super::tauri::{
    BuilderKind, Command, EmitTarget, HandlerArg, Installed, ParamKind, ReceiverKind, Returns,
    RustListen, TauriRust,
};
use crate::facts::{
    CommandReply, Emit, FileFacts, Handler, ListenMethod, Origin, Rejects, Removal, SocketRef,
    TauriArg, TauriCommand, TypedSocket, Value,
};
use crate::transport::Transport;
use crate::transport::tauri::Target;

/// The core's end of every Tauri site: a server-side socket of no namespace.
fn core() -> SocketRef {
    SocketRef {
        origin: Origin::Typed(TypedSocket::ServerSocket),
        ops: Vec::new(),
    }
}

/// `mobile`: the file registers a plugin's Android or iOS half
/// (`register_android_plugin`/`register_ios_plugin`), whose Kotlin/Swift commands no
/// `generate_handler!` lists.
pub(super) fn add(tauri: &TauriRust, mobile: bool, facts: &mut FileFacts) {
    if !tauri.uses_tauri {
        return;
    }
    for command in &tauri.commands {
        facts.tauri_commands.push(TauriCommand {
            name: command.name.clone(),
            span: command.span,
            args: command
                .argument_params()
                .map(|param| TauriArg {
                    key: param.key.clone(),
                    rust_name: param.rust_name.clone(),
                    required: param.kind != ParamKind::Optional,
                    channel: param.kind == ParamKind::Channel,
                    // The sends in this command's body on this parameter: a channel
                    // sent from elsewhere (kept in a struct) is not followed.
                    sends: match param.kind {
                        ParamKind::Channel => tauri
                            .channel_sends
                            .iter()
                            .filter(|send| {
                                send.channel == param.rust_name
                                    && send.command.as_deref() == Some(command.name.as_str())
                            })
                            .map(|send| send.span)
                            .collect(),
                        _ => Vec::new(),
                    },
                })
                .collect(),
            cfg: !command.cfgs.is_empty(),
            reply: reply(command),
        });
    }
    add_command_sites(tauri, mobile, facts);
    for emit in &tauri.emits {
        let mut site = Emit::plain(
            Transport::TauriEvent,
            emit.span,
            emit.span,
            emit.name.clone(),
            is_literal(&emit.name),
            core(),
            None,
        );
        site.target = emit_target(&emit.target);
        facts.emits.push(site);
    }
    // `app.unlisten(id)` removes one listener by its id: never every listener of an
    // event (what `listener-removed-globally` reports), and no rule reads Rust
    // listeners' removal yet; carried so that the graph holds it.
    for unlisten in &tauri.unlistens {
        facts.removals.push(Removal {
            transport: Transport::TauriEvent,
            span: unlisten.span,
            receiver: core(),
            name: unlisten.name.clone(),
            all_events: false,
            has_listener: true,
            remove_all: false,
            frames: Vec::new(),
        });
    }
    for listen in &tauri.listens {
        let mut site = Handler::plain(
            Transport::TauriEvent,
            listen.span,
            listen.span,
            listen.name.clone(),
            is_literal(&listen.name),
            core(),
            if listen.method.starts_with("once") {
                ListenMethod::Once
            } else {
                ListenMethod::On
            },
        );
        site.target = listen_target(listen);
        facts.handlers.push(site);
    }
}

/// The listeners an `emit*` reaches. `emit_filter` decides at run time: it may reach any
/// listener, so it is never unmatched because of its target.
fn emit_target(target: &EmitTarget) -> Target<Value> {
    match target {
        EmitTarget::All => Target::Any,
        EmitTarget::AnyLabel(label) => Target::AnyLabel(label.clone()),
        EmitTarget::App => Target::App,
        EmitTarget::Window(label) => Target::Window(label.clone()),
        EmitTarget::Webview(label) => Target::Webview(label.clone()),
        EmitTarget::WebviewWindow(label) => Target::WebviewWindow(label.clone()),
        EmitTarget::Filter | EmitTarget::Unknown => Target::Unknown,
    }
}

/// The target a `listen*` registers with: `App` on an `App`/`AppHandle`, the window's
/// own (by kind, with its label when `get_webview_window("x")` names it) on a window,
/// `Any` for `listen_any`/`once_any`; unknown on a receiver of unknown type (generic
/// code, an untyped closure parameter), which may then take any emit.
fn listen_target(listen: &RustListen) -> Target<Value> {
    if listen.is_any() {
        return Target::Any;
    }
    let label = || listen.receiver.label.clone().unwrap_or(Value::Unknown);
    match listen.receiver.kind {
        ReceiverKind::App | ReceiverKind::AppHandle => Target::App,
        ReceiverKind::Window => Target::Window(label()),
        ReceiverKind::Webview => Target::Webview(label()),
        ReceiverKind::WebviewWindow => Target::WebviewWindow(label()),
        ReceiverKind::Unknown => Target::Unknown,
    }
}

/// One command site per entry of every list that may be in force. A list replaced by a
/// later `invoke_handler` registers nothing; one whose installation this file does not
/// show (returned from a fn, stored) is taken as live, since the call that installs it
/// is elsewhere. What cannot be read (a list that is not paths, a closure handler, a
/// macro that declares commands) registers an unknown name, so that no invoke is called
/// unknown because of it.
fn add_command_sites(tauri: &TauriRust, mobile: bool, facts: &mut FileFacts) {
    let mut opaque = tauri.command_macros.first().copied();
    if mobile {
        opaque = opaque
            .or(tauri.builders.first().map(|b| b.span))
            .or(Some(Default::default()));
    }
    for list in &tauri.handler_lists {
        let builder = match list.installed {
            Installed::Live { builder } => tauri.builders.get(builder),
            Installed::Replaced { .. } => continue,
            Installed::Unseen => None,
        };
        // A plugin's commands are invoked as `plugin:<name>|<command>`; its name may be
        // a constant of another file, resolved by the linker like an event name.
        let plugin = match builder.map(|b| &b.kind) {
            Some(BuilderKind::Plugin { name }) => Some(name),
            _ => None,
        };
        // A plugin whose name this file does not tell (a builder handed in by a caller
        // elsewhere): its commands' invoked names are unknown, like an opaque list's.
        if list.opaque || plugin == Some(&Value::Unknown) {
            opaque.get_or_insert(list.span);
            continue;
        }
        for entry in &list.entries {
            let name = match plugin {
                Some(plugin) => Value::Concat(vec![
                    Value::Str("plugin:".to_owned()),
                    plugin.clone(),
                    Value::Str(format!("|{}", entry.name)),
                ]),
                None => Value::Str(entry.name.clone()),
            };
            let mut command = Handler::plain(
                Transport::TauriCommand,
                entry.span,
                entry.span,
                name,
                true,
                core(),
                ListenMethod::On,
            );
            // `#[cfg(..)] macos::hide, #[cfg(..)] windows::hide`: one command per build.
            command.conditional = entry.cfg.is_some();
            facts.handlers.push(command);
        }
    }
    for builder in &tauri.builders {
        let closure = builder
            .invoke_handlers
            .iter()
            .find(|h| h.live && matches!(h.handler, HandlerArg::Other));
        if let Some(closure) = closure {
            opaque.get_or_insert(closure.span);
        }
    }
    if let Some(span) = opaque {
        facts.handlers.push(Handler::plain(
            Transport::TauriCommand,
            span,
            span,
            Value::Unknown,
            false,
            core(),
            ListenMethod::On,
        ));
    }
}

/// What the command's return type says of its invoke's Promise.
fn reply(command: &Command) -> CommandReply {
    let rejects = match (command.returns, &command.output.err) {
        (Returns::Result, Some(err)) => Rejects::With(err.clone()),
        (Returns::Result, None) => Rejects::Unnamed,
        (Returns::Unit | Returns::Value, _) => Rejects::Never,
    };
    CommandReply {
        resolves: match command.returns {
            Returns::Unit => None,
            // `Result<(), E>` resolves with `null` too.
            Returns::Result | Returns::Value => command.output.ok.clone().filter(|ok| ok != "()"),
        },
        rejects,
        is_async: command.is_async,
    }
}

/// The name is a string literal at the call (not a constant's).
fn is_literal(name: &Value) -> bool {
    matches!(name, Value::Str(_))
}

#[cfg(test)]
mod tests {
    use crate::facts::Value;
    use crate::transport::tauri::Target;

    fn label(target: &Target<Value>) -> Option<&str> {
        match target {
            Target::AnyLabel(label)
            | Target::Window(label)
            | Target::Webview(label)
            | Target::WebviewWindow(label) => label.as_str(),
            _ => None,
        }
    }

    #[test]
    fn emits_and_listeners_carry_their_targets() {
        let facts = crate::lang::rust::extract(
            r#"
use tauri::{AppHandle, Emitter, EventTarget, Listener, Manager, Window};

pub fn wire(app: &AppHandle, window: Window, label: String) {
    let _ = app.emit("all", 1);
    let _ = app.emit_to("main", "label", 1);
    let _ = app.emit_to(EventTarget::window("main"), "window", 1);
    let _ = app.emit_filter("filter", 1, |_| true);
    let _ = app.emit_to(&label, "param", 1);
    let _ = window.emit_to(window.label(), "own", 1);
    app.listen("on-app", |_| {});
    app.listen_any("on-any", |_| {});
    window.listen("on-window", |_| {});
    app.get_webview_window("editor").unwrap().listen("on-editor", |_| {});
}
"#,
        );
        let emits: Vec<_> = facts.emits.iter().map(|e| &e.target).collect();
        assert_eq!(emits[0], &Target::Any);
        assert!(matches!(emits[1], Target::AnyLabel(_)) && label(emits[1]) == Some("main"));
        assert!(matches!(emits[2], Target::Window(_)) && label(emits[2]) == Some("main"));
        // `emit_filter` decides at run time.
        assert_eq!(emits[3], &Target::Unknown);
        // A `String` or a window's `label()` is a label, not known statically.
        assert_eq!(emits[4], &Target::AnyLabel(Value::Unknown));
        assert_eq!(emits[5], &Target::AnyLabel(Value::Unknown));
        let listens: Vec<_> = facts.handlers.iter().map(|h| &h.target).collect();
        assert_eq!(listens[0], &Target::App);
        assert_eq!(listens[1], &Target::Any);
        // A `Window` parameter is whichever window invoked: its label is unknown.
        assert_eq!(listens[2], &Target::Window(Value::Unknown));
        assert!(
            matches!(listens[3], Target::WebviewWindow(_)) && label(listens[3]) == Some("editor")
        );
    }
}
