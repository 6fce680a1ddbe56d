//! Tauri v2's wiring in a Rust file (read by `tauri.rs`) turned into sites of the event
//! graph: the Rust core is the server side. Commands in a live `generate_handler!` are
//! the receivers of `Transport::TauriCommand` (named as `invoke` names them: `save_note`,
//! or `plugin:<name>|<command>` for a plugin's list); `emit*`/`listen*` are sites of
//! `Transport::TauriEvent`. The command fns themselves go to `FileFacts::tauri_commands`
//! for the rules that compare an invoke with its command.

use super::tauri::{BuilderKind, Command, HandlerArg, Installed, ParamKind, Returns, TauriRust};
use crate::facts::{
    CommandReply, Emit, FileFacts, Handler, ListenMethod, Origin, Rejects, SocketRef, TauriArg,
    TauriCommand, TypedSocket, Value,
};
use crate::transport::Transport;

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
        facts.emits.push(Emit::plain(
            Transport::TauriEvent,
            emit.span,
            emit.span,
            emit.name.clone(),
            is_literal(&emit.name),
            core(),
            None,
        ));
    }
    for listen in &tauri.listens {
        facts.handlers.push(Handler::plain(
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
        ));
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
        if list.opaque {
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
