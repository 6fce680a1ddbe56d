//! `unknown-command`: a Tauri `invoke` names a command that no live handler list, no
//! plugin of the project and no `#[tauri::command]` fn defines.

use std::collections::{HashMap, HashSet};

use super::Context;
use super::similar::{Closest, Pool, did_you_mean_any};
use crate::apps::AppId;
pub(super) use crate::catalog::UNKNOWN_COMMAND as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::{Side, TauriCommand};
use crate::graph::{EmitSite, EventGraph, FileId, Presence};
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (invoke, name, closest) in unknown_invokes(cx) {
        let mut diagnostic = Diagnostic::new(
            &RULE,
            invoke.file,
            invoke.span,
            // Tauri hands a plugin only the part after `|`, and answers with that.
            format!(
                "no Tauri command is named \"{name}\": this invoke rejects with \"Command {} not found\"",
                fn_name(name)
            ),
        )
        .event(&invoke.ns, name);
        match closest {
            Closest::One(candidate) => {
                for command in cx.graph.handlers_named(
                    invoke.app,
                    Transport::TauriCommand,
                    Side::Server,
                    candidate,
                ) {
                    diagnostic = diagnostic.label(
                        command.file,
                        command.span,
                        format!("did you mean \"{candidate}\"? registered here"),
                    );
                }
                diagnostic = diagnostic
                    .help(format!("did you mean \"{candidate}\"?"))
                    .fix(super::unmatched_emit::rename(cx, invoke, candidate));
            }
            Closest::Several(candidates) => {
                diagnostic = diagnostic.help(did_you_mean_any(&candidates));
            }
            Closest::None => {
                diagnostic = diagnostic.help(match plugin_of(name) {
                    Some(plugin) => format!(
                        "define `#[tauri::command] fn {}(..)` in the `{plugin}` plugin and list it in that plugin's `tauri::generate_handler![..]`",
                        fn_name(name)
                    ),
                    None => format!(
                        "define `#[tauri::command] fn {name}(..)` in the Rust core and list it in `tauri::generate_handler![..]`"
                    ),
                });
            }
        }
        // Through a wrapper (`call(cmd, args)`), the wrapper may route some names
        // elsewhere in ways not followed (string tests of the name are: `if
        // (cmd.startsWith("plugin:")) invoke(cmd)` drops the other names' invokes): a
        // doubt, not an error.
        out.push(match invoke.via {
            Some(_) => {
                diagnostic.message.push_str(
                    " (reported as a warning: the name reaches `invoke` through a wrapper, which may route it elsewhere)",
                );
                diagnostic.severity(crate::diagnostic::Severity::Warning)
            }
            None => diagnostic,
        });
    }
}

/// The invokes that name no command of the project, each with the registered command
/// whose name is closest.
fn unknown_invokes<'g>(cx: &Context<'g>) -> Vec<(&'g EmitSite, &'g str, Closest<'g>)> {
    let defined = commands_by_name(cx);
    let mut pools = HashMap::new();
    let mut unknown = Vec::new();
    for (invoke, name) in unanswered_invokes(cx.graph) {
        // A command fn that no live list registers is `command-not-registered`'s.
        if defined.contains_key(name) {
            continue;
        }
        let pool = pools
            .entry(invoke.app)
            .or_insert_with(|| command_names(cx.graph, invoke.app));
        unknown.push((invoke, name, pool.closest(name, &invoke.ns).0));
    }
    unknown
}

/// The commands that an unknown invoke most likely meant (the one close name): such a
/// command's `command-unused` is the same typo seen from the other end, which the
/// invoke's finding already names.
pub(super) fn meant_by_typos<'g>(cx: &Context<'g>) -> HashSet<(AppId, &'g str)> {
    unknown_invokes(cx)
        .into_iter()
        .filter_map(|(invoke, _, closest)| match closest {
            Closest::One(candidate) => Some((invoke.app, candidate)),
            _ => None,
        })
        .collect()
}

/// The registered commands of `app`, all alike: a command that nothing invokes yet is no
/// likelier the one meant than another (unlike an event nobody emits).
fn command_names(graph: &EventGraph, app: AppId) -> Pool<'_> {
    Pool::new(
        graph
            .handlers_of(app)
            .filter(|h| h.transport == Transport::TauriCommand && h.confident)
            .filter_map(|h| Some((h.event.name()?, &h.ns, false)))
            .collect(),
    )
}

/// Every `#[tauri::command]` fn of the project by name, in file order.
pub(super) fn commands_by_name<'a>(
    cx: &Context<'a>,
) -> HashMap<&'a str, Vec<(FileId, &'a TauriCommand)>> {
    let mut commands: HashMap<&str, Vec<(FileId, &TauriCommand)>> = HashMap::new();
    for (file, source) in cx.files.iter().enumerate() {
        for command in &source.facts.tauri_commands {
            commands
                .entry(command.name.as_str())
                .or_default()
                .push((file, command));
        }
    }
    commands
}

/// The invokes of resolved names that nothing registered answers, in an app whose Rust
/// core is seen. A `plugin:<name>|<cmd>` of a plugin the project does not build (an
/// official `tauri-plugin-*` crate) is outside the project: never unanswered.
pub(super) fn unanswered_invokes(graph: &EventGraph) -> Vec<(&EmitSite, &str)> {
    let plugins = project_plugins(graph);
    graph
        .emits
        .iter()
        .filter(|invoke| invoke.transport == Transport::TauriCommand && invoke.confident)
        .filter_map(|invoke| Some((invoke, invoke.event.name()?)))
        .filter(|(invoke, name)| {
            graph.presence(invoke.app, Transport::TauriCommand, Side::Server) == Presence::Certain
                && !graph.may_be_handled(
                    invoke.app,
                    Transport::TauriCommand,
                    Side::Server,
                    &invoke.ns,
                    name,
                )
                && plugin_of(name).is_none_or(|plugin| plugins.contains(&(invoke.app, plugin)))
        })
        .collect()
}

/// `notes-sync` for `plugin:notes-sync|sync_now`.
pub(super) fn plugin_of(command: &str) -> Option<&str> {
    let rest = command.strip_prefix("plugin:")?;
    Some(rest.split_once('|').map_or(rest, |(plugin, _)| plugin))
}

/// The command without its plugin prefix: what the fn is named.
pub(super) fn fn_name(command: &str) -> &str {
    match command.strip_prefix("plugin:") {
        Some(rest) => rest.split_once('|').map_or(rest, |(_, name)| name),
        None => command,
    }
}

/// The plugins each app builds (`tauri::plugin::Builder::new("name")` with a list).
fn project_plugins(graph: &EventGraph) -> HashSet<(AppId, &str)> {
    graph
        .handlers
        .iter()
        .filter(|h| h.transport == Transport::TauriCommand)
        .filter_map(|h| Some((h.app, plugin_of(h.event.name()?)?)))
        .collect()
}
