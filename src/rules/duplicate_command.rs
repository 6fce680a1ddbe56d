//! `duplicate-command`: two commands of one name in the live handler lists: Tauri
//! dispatches to the first, so the second is never reachable. Entries under a
//! `#[cfg(..)]` (one variant per OS) are not duplicates.

use std::collections::HashMap;

use super::Context;
use super::unknown_command::commands_by_name;
use crate::apps::AppId;
pub(super) use crate::catalog::DUPLICATE_COMMAND as RULE;
use crate::diagnostic::Diagnostic;
use crate::graph::{FileId, HandlerSite};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let defined = commands_by_name(cx);
    // One `generate_handler!` is written in one file; two binaries of one repository
    // (an app and a helper app) may each register a command of the same name.
    let mut first_of: HashMap<(AppId, FileId, &str), &HandlerSite> = HashMap::new();
    let mut commands: Vec<&HandlerSite> = cx
        .graph
        .handlers
        .iter()
        .filter(|h| h.transport == Transport::TauriCommand && !h.conditional)
        .collect();
    commands.sort_by_key(|h| (h.file, h.span.start));
    for command in commands {
        let Some(name) = command.event.name() else {
            continue;
        };
        let Some(first) = first_of.get(&(command.app, command.file, name)) else {
            first_of.insert((command.app, command.file, name), command);
            continue;
        };
        let fn_name = super::unknown_command::fn_name(name);
        let mut diagnostic = Diagnostic::new(
            &RULE,
            command.file,
            command.span,
            format!(
                "a second command named \"{name}\" in the live handler: Tauri calls the first one, so this one is never reachable"
            ),
        )
        .event(&command.ns, name)
        .label(first.file, first.span, "the first command of that name, which Tauri calls");
        for (file, def) in defined.get(fn_name).into_iter().flatten() {
            diagnostic = diagnostic.label(*file, def.span, format!("`fn {fn_name}` here"));
        }
        out.push(diagnostic.help("rename one of the two fns and invoke it by its new name"));
    }
}
