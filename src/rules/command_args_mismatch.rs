//! `command-args-mismatch`: an invoke's argument object lacks a key its command
//! requires, after Tauri's conversion of parameter names (camelCase unless
//! `rename_all = "snake_case"`; injected parameters and `Option`s need no key). The
//! invoke rejects with "missing required key". Also a function passed under the key of a
//! `Channel<T>` parameter: `invoke` serializes its arguments as JSON, which drops
//! functions, so that key is missing too; a `new Channel()` is what streams.

use super::Context;
use super::unknown_command::{commands_by_name, fn_name};
pub(super) use crate::catalog::COMMAND_ARGS_MISMATCH as RULE;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::facts::{InvokeValueKind, Span, TauriArg};
use crate::graph::EmitSite;
use crate::transport::Transport;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let defined = commands_by_name(cx);
    for invoke in &cx.graph.emits {
        if invoke.transport != Transport::TauriCommand || !invoke.confident {
            continue;
        }
        let (Some(name), Some(sent)) = (invoke.event.name(), &invoke.payload_keys) else {
            continue;
        };
        // Only an invoke that reaches a registered command is about that command's keys.
        if cx.graph.receivers(invoke).next().is_none() {
            continue;
        }
        let Some(commands) = defined.get(fn_name(name)) else {
            continue;
        };
        // Per-OS variants of one command may differ: only a key every one of them
        // requires is surely missing.
        let Some(((file, command), others)) = commands.split_first() else {
            continue;
        };
        functions_for_channels(cx, invoke, name, commands, out);
        for arg in missing(&command.args, sent) {
            let everywhere = others
                .iter()
                .all(|(_, other)| missing(&other.args, sent).any(|a| a.key == arg.key));
            if !everywhere {
                continue;
            }
            let near = sent.iter().find(|key| same_words(key, &arg.key));
            let mut message = format!(
                "the command \"{name}\" requires the key `{}` (parameter `{}`), which this invoke does not send: it rejects with \"missing required key {}\"",
                arg.key, arg.rust_name, arg.key
            );
            if let Some(near) = near {
                message.push_str(&format!(
                    "; `{near}` is sent instead (Tauri reads parameters in camelCase unless the command says `rename_all = \"snake_case\"`)"
                ));
            }
            let diagnostic = Diagnostic::new(&RULE, invoke.file, invoke.span, message)
                .event(&invoke.ns, name)
                .label(
                    *file,
                    command.span,
                    format!("`{}` is read here", arg.rust_name),
                )
                .help(format!("send `{}` in the argument object", arg.key));
            out.push(match near {
                Some(near) => diagnostic.fix(rename_key(cx, invoke, near, &arg.key)),
                None => diagnostic,
            });
        }
    }
}

/// `invoke("export", { onProgress: (p) => .. })` where `on_progress: Channel<T>`: the
/// key is sent, so [`missing`] does not see it, but JSON drops its value.
fn functions_for_channels(
    cx: &Context,
    invoke: &EmitSite,
    name: &str,
    commands: &[(crate::graph::FileId, &crate::facts::TauriCommand)],
    out: &mut Vec<Diagnostic>,
) {
    let Some(written) = cx.files[invoke.file]
        .facts
        .tauri_invokes
        .iter()
        .find(|written| written.call_start == invoke.span.start)
    else {
        return;
    };
    for value in &written.values {
        if value.kind != InvokeValueKind::Function {
            continue;
        }
        // Every variant of the command takes a Channel under this key.
        let channels: Option<Vec<(crate::graph::FileId, &TauriArg)>> = commands
            .iter()
            .map(|(file, command)| {
                command
                    .args
                    .iter()
                    .find(|arg| arg.key == value.key && arg.channel)
                    .map(|arg| (*file, arg))
            })
            .collect();
        let Some(&(file, arg)) = channels.as_deref().and_then(<[_]>::first) else {
            continue;
        };
        let Some((_, command)) = commands.first() else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &RULE,
                invoke.file,
                value.span,
                format!(
                    "`{}` is a function, but the command \"{name}\" takes it as a `Channel` (parameter `{}`): `invoke` sends its arguments as JSON, which drops functions, so the invoke rejects with \"missing required key {}\" and no message ever arrives",
                    value.key, arg.rust_name, value.key
                ),
            )
            .event(&invoke.ns, name)
            .label(
                file,
                command.span,
                format!("`{}` is a `Channel<..>` here", arg.rust_name),
            )
            .help(format!(
                "pass a Channel whose `onmessage` is this function: `const channel = new Channel(); channel.onmessage = ...;` then `{{ {}: channel }}` (`Channel` from \"@tauri-apps/api/core\")",
                value.key
            )),
        );
    }
}

/// The required arguments `sent` lacks.
fn missing<'a>(args: &'a [TauriArg], sent: &'a [String]) -> impl Iterator<Item = &'a TauriArg> {
    args.iter()
        .filter(move |arg| arg.required && !sent.contains(&arg.key))
}

/// `user_id` and `userId`: the same words in another case.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect()
    };
    a != b && words(a) == words(b)
}

/// Renames the key `from` of the invoke's argument object to `to`; a shorthand
/// property (`{ user_id }`) keeps its value (`{ userId: user_id }`). The object is the
/// first `{` after the command name, up to its matching `}`.
fn rename_key(cx: &Context, invoke: &EmitSite, from: &str, to: &str) -> Option<Fix> {
    let text = cx.files[invoke.file].text.as_deref()?;
    let after = invoke.name_span.end as usize;
    let rest = text.get(after..)?;
    let open = rest.find('{')?;
    // Nothing but the argument separator between the name and the object.
    if !rest[..open]
        .trim()
        .trim_start_matches([')', '"', '\'', '`'])
        .trim()
        .starts_with(',')
    {
        return None;
    }
    let object_start = after + open;
    let object = &text[object_start..];
    let close = matching_brace(object)?;
    let body = &object[..close];
    let at = find_key(body, from)?;
    let tail = body[at + from.len()..].trim_start();
    let shorthand = tail.starts_with(',') || tail.starts_with('}') || tail.is_empty();
    let replacement = if shorthand {
        format!("{to}: {from}")
    } else {
        to.to_owned()
    };
    let start = (object_start + at) as u32;
    Some(Fix {
        applicability: Applicability::Suggestion,
        description: format!("rename the key `{from}` to `{to}`"),
        edits: vec![Edit {
            file: invoke.file,
            span: Span::new(start, start + from.len() as u32),
            replacement,
        }],
    })
}

/// The offset of the `}` closing the object that `text` starts with.
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0u32;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where `key` is written as a whole word at the top level of the object `body`.
fn find_key(body: &str, key: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut depth = 0u32;
    let mut previous: Option<char> = None;
    for (i, c) in body.char_indices() {
        match c {
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 1
            && body[i..].starts_with(key)
            && !previous.is_some_and(is_word)
            && !body[i + key.len()..].starts_with(is_word)
        {
            return Some(i);
        }
        previous = Some(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{find_key, matching_brace, same_words};

    #[test]
    fn keys_are_found_at_the_top_level_only() {
        let body = "{ a: { user_id }, user_id }";
        assert_eq!(find_key(body, "user_id"), Some(18));
        assert_eq!(matching_brace(body), Some(body.len() - 1));
        assert!(same_words("user_id", "userId"));
        assert!(!same_words("userId", "userId"));
    }
}
