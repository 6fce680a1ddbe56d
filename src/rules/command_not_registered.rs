//! `command-not-registered`: the webview invokes a `#[tauri::command]` fn that no live
//! `generate_handler!` lists (never listed, or listed in a handler a later
//! `invoke_handler` replaced), so Tauri answers "Command <name> not found".

use super::Context;
use super::unknown_command::{commands_by_name, fn_name, unanswered_invokes};
pub(super) use crate::catalog::COMMAND_NOT_REGISTERED as RULE;
use crate::diagnostic::Diagnostic;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let defined = commands_by_name(cx);
    for (invoke, name) in unanswered_invokes(cx.graph) {
        let Some(commands) = defined.get(fn_name(name)) else {
            continue;
        };
        let mut diagnostic = Diagnostic::new(
            &RULE,
            invoke.file,
            invoke.span,
            format!(
                "`{}` is a #[tauri::command] but no live `generate_handler!` lists it: this invoke rejects with \"Command {name} not found\"",
                fn_name(name)
            ),
        )
        .event(&invoke.ns, name);
        for (file, command) in commands {
            diagnostic = diagnostic.label(*file, command.span, "the command is defined here");
        }
        out.push(diagnostic.help(format!(
            "add `{}` to the `tauri::generate_handler![..]` passed to the last `invoke_handler` call (a later call replaces an earlier one)",
            fn_name(name)
        )));
    }
}
