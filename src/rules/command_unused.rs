//! `command-unused` (info): a registered Tauri command that no webview code of its app
//! invokes.

use super::Context;
use super::unknown_command::{commands_by_name, fn_name, meant_by_typos};
pub(super) use crate::catalog::COMMAND_UNUSED as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Side;
use crate::graph::Presence;
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    let defined = commands_by_name(cx);
    let meant = meant_by_typos(cx);
    for command in &graph.handlers {
        if command.transport != Transport::TauriCommand || !command.confident {
            continue;
        }
        let Some(name) = command.event.name() else {
            continue;
        };
        // A typo's target is the typo's finding (`unknown-command` names it).
        if meant.contains(&(command.app, name)) {
            continue;
        }
        // Only judged where the app's webview is seen at all.
        if graph.presence(command.app, Transport::TauriCommand, Side::Client) != Presence::Certain
            || graph.may_be_emitted(
                command.app,
                Transport::TauriCommand,
                Side::Client,
                &command.ns,
                name,
            )
        {
            continue;
        }
        // The fn, when there is exactly one of that name; else the list entry.
        let (file, span) = match defined.get(fn_name(name)).map(Vec::as_slice) {
            Some([(file, def)]) => (*file, def.span),
            _ => (command.file, command.span),
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            file,
            span,
            format!("the command \"{name}\" is registered but no webview code invokes it"),
        )
        .event(&command.ns, name);
        if (file, span) != (command.file, command.span) {
            diagnostic = diagnostic.label(command.file, command.span, "registered here");
        }
        out.push(diagnostic.help(
            "remove it from `generate_handler!` if nothing calls it, or invoke it where it is needed",
        ));
    }
}
