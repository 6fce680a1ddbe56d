use super::Context;
pub(super) use crate::catalog::LISTENER_LEAK as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::ListenMethod;
use crate::graph::{Context as Where, Event};

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for handler in cx
        .graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.method == ListenMethod::On)
    {
        let Some(context) = &handler.context else {
            continue;
        };
        let subject = match handler.event.name() {
            Some(name) => format!("\"{name}\""),
            None => "this listener".to_owned(),
        };
        let (message, label_span, label) = match context {
            Where::Effect {
                cleanup: false,
                span,
                mount_hook,
            } => {
                // Vue/Svelte mount hooks are undone by the component's unmount hook (or
                // Svelte `onMount`'s returned cleanup); React effects by their cleanup.
                let (where_, when) = if *mount_hook {
                    (
                        "a mount hook and the component never removes it",
                        "every remount",
                    )
                } else {
                    ("an effect that never removes it", "every re-run or remount")
                };
                let fix = match (handler.transport.acks_by_callback(), *mount_hook) {
                    (true, true) => {
                        "remove it in the component's unmount hook (`onUnmounted`/`onBeforeUnmount`, Svelte `onDestroy`) with `socket.off(...)`"
                    }
                    (true, false) => {
                        "return a cleanup from this effect that calls `socket.off(...)`"
                    }
                    (false, true) => {
                        "keep the function `listen` resolves to (`unlisten = await listen(..)`) and call it in the component's unmount hook (`onUnmounted`/`onBeforeUnmount`, Svelte `onDestroy` or `onMount`'s returned cleanup)"
                    }
                    // Tauri: `listen` returns a Promise of the function that removes it.
                    (false, false) => {
                        "return a cleanup from this effect that calls the function `listen` resolves to: `unlisten.then((off) => off())` (calling the Promise itself removes nothing)"
                    }
                };
                (
                    format!(
                        "{subject} is registered in {where_}: {when} adds another listener, so the handler runs several times per event"
                    ),
                    *span,
                    fix.to_owned(),
                )
            }
            Where::Effect { cleanup: true, .. } => continue,
            Where::Listener { event, span } => {
                let outer = match event {
                    Event::Name(outer) => outer.as_str(),
                    Event::Dynamic => "another event",
                };
                let when = if matches!(outer, "connect" | "reconnect") {
                    "every reconnection adds another listener"
                } else {
                    "every time it arrives another listener is added"
                };
                (
                    format!(
                        "{subject} is registered inside the \"{outer}\" listener: {when}, so the handler runs once more each time"
                    ),
                    *span,
                    format!("registered each time \"{outer}\" arrives"),
                )
            }
        };
        let mut diagnostic = Diagnostic::new(&RULE, handler.file, handler.span, message)
            .label(handler.file, label_span, label)
            .help(
                match (
                    handler.transport.acks_by_callback(),
                    matches!(context, Where::Effect { mount_hook: true, .. }),
                ) {
                    (true, _) => {
                        "register the listener once (outside), or remove it with `socket.off(event, handler)` before adding it again"
                    }
                    (false, false) => {
                        "keep the Promise `listen(..)` returns and call the function it resolves to in the effect's cleanup"
                    }
                    (false, true) => {
                        "keep the function `listen(..)` resolves to and call it when the component unmounts"
                    }
                },
            );
        if let Some(name) = handler.event.name() {
            diagnostic = diagnostic.event(&handler.ns, name);
        }
        out.push(diagnostic);
    }
}
