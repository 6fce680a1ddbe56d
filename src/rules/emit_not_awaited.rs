use super::Context;
pub(super) use crate::catalog::EMIT_NOT_AWAITED as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::Side;

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // socketioxide's broadcast operators (`to`, `within`, `except`, `broadcast()`, every
    // `io.*`) return a future from `emit`; a single socket's `emit` is synchronous.
    for emit in cx.graph.emits.iter().filter(|e| {
        e.confident && e.dropped && e.broadcast && e.side == Side::Server && cx.is_rust(e.file)
    }) {
        let name = emit.event.name().unwrap_or("this event");
        let mut diagnostic = Diagnostic::new(
            &RULE,
            emit.file,
            emit.span,
            format!(
                "this broadcast of \"{name}\" is never awaited: socketioxide's broadcast `emit` returns a future, and a future that is dropped does nothing, so no client receives it"
            ),
        )
        .help("add `.await` (e.g. `io.to(room).emit(\"x\", &data).await.ok();`), or `tokio::spawn` the future where you cannot await");
        if let Some(name) = emit.event.name() {
            diagnostic = diagnostic.event(&emit.ns, name);
        }
        out.push(diagnostic);
    }
}
