//! `wirelint trace EVENT`: one event's path from the emit to the receivers, step by
//! step, with the first broken step marked as where the message stalls, the patch the
//! rules offer and a test that would prove the fix.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::Analysis;
use crate::facts::{Calls, Side, Span};
use crate::fix::{apply_edits, unified_diff};
use crate::graph::{EmitSite, FileId, HandlerSite, Ns};
use crate::report::Positions;
use crate::rules::Context;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Broken,
}

#[derive(Debug, Serialize)]
pub struct Step {
    pub number: usize,
    pub status: Status,
    pub what: String,
    pub file: String,
    pub line: u32,
    pub column: u32,
    /// Why the step is broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Trace {
    pub version: u32,
    pub event: String,
    pub namespace: Option<String>,
    pub steps: Vec<Step>,
    /// The number of the first broken step.
    pub stall: Option<usize>,
    /// The unified diff of the fixes offered for this event's findings.
    pub patch: String,
    /// A test that shows the fix works.
    pub verify: String,
}

/// The event names closest to one that is not in the graph.
pub fn close_names(analysis: &Analysis, event: &str) -> Vec<String> {
    let mut names: Vec<(f64, String)> = analysis
        .graph
        .emits
        .iter()
        .filter_map(|e| e.event.name())
        .chain(
            analysis
                .graph
                .handlers
                .iter()
                .filter_map(|h| h.event.name()),
        )
        .map(|name| {
            (
                strsim::normalized_damerau_levenshtein(event, name),
                name.to_owned(),
            )
        })
        .filter(|(score, _)| *score >= 0.4)
        .collect();
    names.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    names.dedup_by(|a, b| a.1 == b.1);
    names.into_iter().take(5).map(|(_, name)| name).collect()
}

/// Traces one event; `None` when nothing in the project emits or handles it.
pub fn trace(analysis: &Analysis, event: &str, namespace: Option<&str>) -> Option<Trace> {
    let graph = &analysis.graph;
    let ns_ok = |ns: &Ns| namespace.is_none_or(|wanted| ns.matches(&Ns::Static(wanted.to_owned())));
    let mut emits: Vec<&EmitSite> = graph
        .emits
        .iter()
        .filter(|e| e.confident && e.event.name() == Some(event) && ns_ok(&e.ns))
        .collect();
    // The path starts where the user acts: client emits first, those waiting for an
    // ack before the others.
    emits.sort_by_key(|e| (e.side != Side::Client, !e.ack));
    let handlers: Vec<&HandlerSite> = graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.event.name() == Some(event) && ns_ok(&h.ns))
        .collect();
    if emits.is_empty() && handlers.is_empty() {
        return None;
    }
    let cx = Context {
        graph,
        files: &analysis.files,
    };
    let mut builder = Builder {
        analysis,
        positions: Positions::new(analysis),
        steps: Vec::new(),
    };
    if emits.is_empty() {
        for handler in &handlers {
            builder.step(
                handler.file,
                handler.span,
                format!("{} handler for \"{event}\"", handler.side.as_str()),
                Some("nothing in this project emits it: the handler never runs".to_owned()),
            );
        }
    }
    for emit in &emits {
        builder.emit_path(&cx, emit, event);
    }
    let stall = builder
        .steps
        .iter()
        .find(|s| s.status == Status::Broken)
        .map(|s| s.number);
    let first_emit = emits.first().copied();
    Some(Trace {
        version: 1,
        event: event.to_owned(),
        namespace: namespace
            .map(str::to_owned)
            .or_else(|| first_emit.map(|e| e.ns.label().to_owned())),
        steps: builder.steps,
        stall,
        patch: patch(analysis, event),
        verify: verify(event, first_emit),
    })
}

struct Builder<'a> {
    analysis: &'a Analysis,
    positions: Positions<'a>,
    steps: Vec<Step>,
}

impl Builder<'_> {
    fn step(&mut self, file: FileId, span: Span, what: String, broken: Option<String>) {
        let at = self.positions.range(file, span);
        self.steps.push(Step {
            number: self.steps.len() + 1,
            status: if broken.is_some() {
                Status::Broken
            } else {
                Status::Ok
            },
            what,
            file: self.positions.path(file),
            line: at.line,
            column: at.column,
            reason: broken,
        });
    }

    fn emit_path(&mut self, cx: &Context, emit: &EmitSite, event: &str) {
        let graph = &self.analysis.graph;
        let waits = match (emit.ack, emit.timeout, emit.awaited) {
            (false, _, _) => "sends it without waiting for an answer".to_owned(),
            (true, true, _) => "waits for the ack, with a timeout".to_owned(),
            (true, false, true) => "awaits the ack, with no timeout".to_owned(),
            (true, false, false) => "waits for the ack in a callback, with no timeout".to_owned(),
        };
        self.step(
            emit.file,
            emit.span,
            format!("{} emits \"{event}\" and {waits}", emit.side.as_str()),
            None,
        );
        // A call of a wrapper: the emit it makes is inside the wrapper.
        if let Some((file, span)) = emit.via {
            self.step(file, span, "through the wrapper's emit".to_owned(), None);
        }
        let receiving = emit.side.other();
        if receiving == Side::Server {
            for middleware in graph.middlewares.iter().filter(|m| m.ns.matches(&emit.ns)) {
                let kind = if middleware.per_packet {
                    "per-packet middleware `socket.use`"
                } else {
                    "connection middleware `use`"
                };
                let broken = middleware.next.as_ref().and_then(|next| {
                    matches!(next.calls, Calls::Some | Calls::Never).then(|| {
                        let consequence = if middleware.per_packet {
                            "the packet is dropped before the handler"
                        } else {
                            "the connection never completes"
                        };
                        format!(
                            "a path returns without calling `{}`: {consequence}",
                            middleware.next_name
                        )
                    })
                });
                self.step(middleware.file, middleware.span, kind.to_owned(), broken);
            }
        }
        let receivers: Vec<&HandlerSite> = graph.receivers(emit).filter(|h| h.confident).collect();
        if receivers.is_empty() {
            let finding =
                self.analysis.diagnostics.iter().find(|d| {
                    d.rule == "unmatched-emit" && d.file == emit.file && d.span == emit.span
                });
            let close = finding.and_then(|d| d.help.clone());
            // Point at the handler it was probably meant for, when there is one.
            let (file, span) = finding
                .and_then(|d| d.labels.first())
                .map_or((emit.file, emit.span), |label| (label.file, label.span));
            let reason = match close {
                Some(help) => format!(
                    "no {} handler listens for \"{event}\"{}: {help}",
                    receiving.as_str(),
                    emit.ns.clause()
                ),
                None => format!(
                    "no {} handler listens for \"{event}\"{}",
                    receiving.as_str(),
                    emit.ns.clause()
                ),
            };
            self.step(
                file,
                span,
                format!("{} handler for \"{event}\"", receiving.as_str()),
                Some(reason),
            );
            return;
        }
        for handler in receivers {
            self.handler_steps(cx, emit, handler, event);
        }
    }

    fn handler_steps(&mut self, cx: &Context, emit: &EmitSite, handler: &HandlerSite, event: &str) {
        let graph = &self.analysis.graph;
        self.step(
            handler.file,
            handler.span,
            format!("{} handler for \"{event}\" runs", handler.side.as_str()),
            None,
        );
        if let Some((file, span)) = handler.via {
            self.step(
                file,
                span,
                "registered through the wrapper".to_owned(),
                None,
            );
        }
        if emit.ack {
            match &handler.ack {
                None => self.step(
                    handler.file,
                    handler.span,
                    "ack".to_owned(),
                    Some(
                        "the handler takes no ack parameter: the caller's ack never comes"
                            .to_owned(),
                    ),
                ),
                Some(ack) => {
                    for missing in &ack.summary.missing {
                        let label = cx.missing_label(handler.ack_file, missing, &ack.name);
                        self.step(
                            handler.ack_file,
                            missing.span,
                            "a path through the handler".to_owned(),
                            Some(format!("{label}: the caller's ack never comes")),
                        );
                    }
                    match ack.summary.calls {
                        Calls::Never => self.step(
                            handler.ack_file,
                            ack.param_span,
                            format!("ack `{}`", ack.name),
                            Some(format!("`{}` is never called", ack.name)),
                        ),
                        Calls::All | Calls::Some | Calls::Unknown => {
                            for call in &ack.summary.call_spans {
                                self.step(
                                    handler.ack_file,
                                    *call,
                                    format!("ack `{}` answers the caller", ack.name),
                                    None,
                                );
                            }
                        }
                    }
                }
            }
        }
        // What the handler sends on: emits inside its body and who receives them.
        let Some(body) = handler.shape.as_ref().and_then(|s| s.body) else {
            return;
        };
        for relay in graph.emits.iter().filter(|e| {
            e.file == handler.file && e.span.start >= body.start && e.span.end <= body.end
        }) {
            let Some(name) = relay.event.name() else {
                continue;
            };
            let receivers = graph.receivers(relay).count();
            let echo = self.analysis.diagnostics.iter().find(|d| {
                d.rule == "broadcast-excludes-sender"
                    && d.file == relay.file
                    && d.span == relay.span
            });
            let broken = if let Some(echo) = echo {
                Some(echo.message.clone())
            } else if receivers == 0
                && graph.may_be_handled(relay.app, relay.side.other(), &relay.ns, name)
            {
                None
            } else if receivers == 0 {
                Some(format!(
                    "no {} listens for \"{name}\"",
                    relay.side.other().as_str()
                ))
            } else {
                None
            };
            let to = if relay.excludes_sender {
                "everyone but the sender"
            } else if relay.broadcast {
                "every client in the selection"
            } else {
                "the sender"
            };
            self.step(
                relay.file,
                relay.span,
                format!(
                    "sends \"{name}\" to {to} ({receivers} listener{})",
                    if receivers == 1 { "" } else { "s" }
                ),
                broken,
            );
            for receiver in graph.receivers(relay).filter(|h| h.confident) {
                self.step(
                    receiver.file,
                    receiver.span,
                    format!(
                        "{} handler for \"{name}\" receives it",
                        receiver.side.as_str()
                    ),
                    None,
                );
            }
        }
    }
}

/// The fixes offered for this event's findings, as one unified diff.
fn patch(analysis: &Analysis, event: &str) -> String {
    let mut edits: BTreeMap<FileId, Vec<(Span, String)>> = BTreeMap::new();
    let mut taken: Vec<(FileId, Span)> = Vec::new();
    for diagnostic in &analysis.diagnostics {
        let Some(fix) = &diagnostic.fix else {
            continue;
        };
        let about = diagnostic.event.as_deref() == Some(event)
            || diagnostic.message.contains(&format!("\"{event}\""));
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|(f, s)| {
                *f == e.file
                    && s.start < e.span.end.max(e.span.start + 1)
                    && e.span.start < s.end.max(s.start + 1)
            })
        });
        if !about || overlaps {
            continue;
        }
        for edit in &fix.edits {
            taken.push((edit.file, edit.span));
            edits
                .entry(edit.file)
                .or_default()
                .push((edit.span, edit.replacement.clone()));
        }
    }
    let mut out = String::new();
    for (file, edits) in edits {
        let Some(text) = analysis.files[file].text.as_deref() else {
            continue;
        };
        let fixed = apply_edits(text, &edits);
        out.push_str(&unified_diff(&analysis.files[file].path, text, &fixed, 2));
    }
    out
}

/// An integration test, with socket.io-client against the real server, that fails
/// while the event stalls and passes once it is fixed.
fn verify(event: &str, emit: Option<&EmitSite>) -> String {
    let Some(emit) = emit else {
        return format!(
            "Emit \"{event}\" from a test client and assert the handler's effect, or remove the handler."
        );
    };
    let path = match &emit.ns {
        Ns::Static(ns) if ns != "/" => ns.clone(),
        _ => String::new(),
    };
    let args = match emit.args {
        Some(0) => String::new(),
        Some(n) => (1..=n).map(|i| format!(", payload{i}")).collect::<String>(),
        None => ", payload".to_owned(),
    };
    match (emit.side, emit.ack) {
        (Side::Client, true) => format!(
            "Write an integration test that starts the server and emits with a deadline, on the success and on the failure path:\n\n\
import {{ io as connect }} from \"socket.io-client\";\n\n\
it(\"acks {event}\", async () => {{\n  const client = connect(`http://localhost:${{port}}{path}`);\n  const res = await client.timeout(2000).emitWithAck(\"{event}\"{args});\n  expect(res).toBeDefined();\n  client.close();\n}});\n\n\
it(\"acks {event} when the work fails\", async () => {{\n  // make the handler's write fail (a mock that rejects), then:\n  const client = connect(`http://localhost:${{port}}{path}`);\n  await expect(client.timeout(2000).emitWithAck(\"{event}\"{args})).resolves.toBeDefined();\n  client.close();\n}});\n"
        ),
        (Side::Client, false) => format!(
            "Write an integration test that emits \"{event}\" from socket.io-client and asserts the server's effect (or the event it sends back) within 2 s."
        ),
        (Side::Server, _) => format!(
            "Write an integration test that connects a socket.io-client{} and asserts that \"{event}\" arrives within 2 s after the action that emits it.",
            if path.is_empty() {
                String::new()
            } else {
                format!(" to {path}")
            }
        ),
    }
}

pub fn render_human(trace: &Trace) -> String {
    let mut out = String::new();
    let ns = trace.namespace.as_deref().unwrap_or("/");
    let _ = writeln!(out, "trace of \"{}\" in namespace \"{ns}\"\n", trace.event);
    for step in &trace.steps {
        let mark = match step.status {
            Status::Ok => "ok",
            Status::Broken => "BROKEN",
        };
        let stall = if trace.stall == Some(step.number) {
            "  <- the message stalls here"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:>3}. [{mark}] {} ({}:{}:{}){stall}",
            step.number, step.what, step.file, step.line, step.column
        );
        if let Some(reason) = &step.reason {
            let _ = writeln!(out, "       {reason}");
        }
    }
    match trace.stall {
        Some(number) => {
            let _ = writeln!(out, "\nThe message stalls at step {number}.");
        }
        None => {
            let _ = writeln!(out, "\nEvery step is wired: nothing stalls.");
        }
    }
    if !trace.patch.is_empty() {
        let _ = writeln!(
            out,
            "\nProposed patch (apply with `wirelint check --fix --unsafe-fixes`):\n"
        );
        out.push_str(&trace.patch);
    }
    let _ = writeln!(out, "\nHow to verify:\n");
    out.push_str(&trace.verify);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
