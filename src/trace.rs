//! `wirelint trace EVENT`: one event's path from the emit to the receivers, step by
//! step, with the first broken step marked as where the message stalls, the patch the
//! rules offer and a test that would prove the fix.
//!
//! The steps speak the words of the site's transport (`Transport::words()`): a Tauri
//! event goes from "the Rust core" to "the webview". A request-reply transport (a Tauri
//! `invoke`) is followed to its command and back: registration, arguments, the Channels
//! it streams through, and what the Promise resolves or rejects with.

use std::collections::BTreeMap;
use std::fmt::Write;

use serde::Serialize;

use crate::Analysis;
use crate::facts::{
    Calls, InvokePromise, InvokeValueKind, NestReply, Rejects, Side, Span, TauriCommand,
    TauriInvoke,
};
use crate::fix::{apply_edits, unified_diff};
use crate::graph::{EmitSite, FileId, HandlerSite, Ns};
use crate::report::Positions;
use crate::rules::Context;
use crate::transport::{Transport, Words};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Broken,
    /// A step that should exist and does not (no handler receives the event): it has
    /// no location, since there is no code to point at.
    Missing,
}

#[derive(Debug, Serialize)]
pub struct Step {
    pub number: usize,
    pub status: Status,
    pub what: String,
    /// Where the step is; absent for a missing step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// The direction of the path the step is on: `client → server` or
    /// `server → client`.
    pub direction: String,
    /// Why the step is broken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Trace {
    pub version: u32,
    pub event: String,
    /// The transport's name when it is not Socket.IO ("Tauri command").
    #[serde(rename = "transport", skip_serializing_if = "Option::is_none")]
    pub transport_name: Option<&'static str>,
    #[serde(skip)]
    pub transport: Transport,
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

/// Why an event cannot be traced.
#[derive(Debug, PartialEq, Eq)]
pub enum NoTrace {
    /// Nothing in the project emits or handles it.
    Unknown,
    /// It is used in several namespaces and none was chosen: one trace per namespace
    /// is what makes sense, so the user picks (`--namespace`).
    SeveralNamespaces(Vec<String>),
}

/// Traces one event.
pub fn trace(analysis: &Analysis, event: &str, namespace: Option<&str>) -> Result<Trace, NoTrace> {
    let graph = &analysis.graph;
    if namespace.is_none() {
        let namespaces = namespaces_of(analysis, event);
        if namespaces.len() > 1 {
            return Err(NoTrace::SeveralNamespaces(namespaces));
        }
    }
    let ns_ok = |ns: &Ns| namespace.is_none_or(|wanted| ns.matches(&Ns::Static(wanted.to_owned())));
    let mut emits: Vec<&EmitSite> = graph
        .emits
        .iter()
        .filter(|e| e.confident && e.event.name() == Some(event) && ns_ok(&e.ns))
        .collect();
    // The path starts where the user acts: client emits first, those waiting for an
    // ack before the others.
    emits.sort_by_key(|e| (e.transport, e.side != Side::Client, !e.ack));
    let handlers: Vec<&HandlerSite> = graph
        .handlers
        .iter()
        .filter(|h| h.confident && h.event.name() == Some(event) && ns_ok(&h.ns))
        .collect();
    if emits.is_empty() && handlers.is_empty() {
        return Err(NoTrace::Unknown);
    }
    let cx = Context::new(graph, &analysis.files);
    let mut builder = Builder {
        analysis,
        positions: Positions::new(analysis),
        steps: Vec::new(),
        direction: String::new(),
    };
    if emits.is_empty() {
        // A listener is broken only where `unmatched-handler` says so: it knows which
        // senders may be outside the project.
        let unreached = crate::rules::unmatched_handlers(graph);
        // A command is unused only where `command-unused` says so (it knows when the
        // webview is not in these paths); its label is at the registration.
        let unused = |handler: &HandlerSite| {
            analysis.diagnostics.iter().any(|d| {
                d.rule == "command-unused"
                    && ((d.file == handler.file && d.span == handler.span)
                        || d.labels
                            .iter()
                            .any(|l| l.file == handler.file && l.span == handler.span))
            })
        };
        for handler in &handlers {
            let words = handler.transport.words();
            builder.direction = direction(words, handler.side.other());
            let what = format!(
                "{} {} for \"{event}\"",
                handler.side.name(words),
                words.handler
            );
            // As `check` judges it: an emit whose name is computed at runtime (or a
            // file that did not parse) may send it.
            let may_be_sent = |side: Side| {
                graph.may_be_emitted(handler.app, handler.transport, side, &handler.ns, event)
            };
            if handler.transport.is_builtin_event(event) {
                // `connect`, `tauri://focus`: the library emits it itself.
                builder.step(
                    handler.file,
                    handler.span,
                    format!("{what}: {} emits it itself", words.library),
                    None,
                );
            } else if crate::graph::peer_sides(handler.transport, handler.side)
                .iter()
                .any(|&side| may_be_sent(side))
                || (!handler.transport.is_request_reply()
                    && !unreached.contains(&(handler.file, handler.span)))
                || (handler.transport.is_request_reply() && !unused(handler))
            {
                builder.step(
                    handler.file,
                    handler.span,
                    format!(
                        "{what}: no {} here names it, but it may come from code not seen here (a name computed at runtime, a plugin or library)",
                        words.call
                    ),
                    None,
                );
            } else {
                builder.step(
                    handler.file,
                    handler.span,
                    what,
                    Some(format!(
                        "nothing in this project {} it: the {} never runs",
                        words.sends, words.handler
                    )),
                );
            }
        }
    }
    for emit in &emits {
        builder.emit_path(&cx, emit, event);
    }
    let stall = builder
        .steps
        .iter()
        .find(|s| s.status != Status::Ok)
        .map(|s| s.number);
    let first_emit = emits.first().copied();
    let transport = first_emit
        .map(|e| e.transport)
        .or_else(|| handlers.first().map(|h| h.transport))
        .unwrap_or_default();
    Ok(Trace {
        version: 1,
        event: event.to_owned(),
        transport_name: (transport != Transport::SocketIo).then(|| transport.name()),
        transport,
        namespace: match transport.has_namespaces() {
            true => namespace
                .map(str::to_owned)
                .or_else(|| first_emit.map(|e| e.ns.label().to_owned())),
            false => None,
        },
        steps: builder.steps,
        stall,
        patch: patch(analysis, event),
        verify: match transport {
            Transport::SocketIo => verify(event, first_emit),
            Transport::TauriCommand | Transport::TauriEvent => {
                verify_tauri(transport, event, first_emit)
            }
        },
    })
}

/// The namespaces an event is emitted or handled in, sorted (`*` for a namespace that
/// is not known statically).
fn namespaces_of(analysis: &Analysis, event: &str) -> Vec<String> {
    let graph = &analysis.graph;
    let mut namespaces: Vec<String> = graph
        .emits
        .iter()
        .filter(|e| e.confident && e.transport.has_namespaces() && e.event.name() == Some(event))
        .map(|e| &e.ns)
        .chain(
            graph
                .handlers
                .iter()
                .filter(|h| {
                    h.confident && h.transport.has_namespaces() && h.event.name() == Some(event)
                })
                .map(|h| &h.ns),
        )
        .filter_map(|ns| match ns {
            Ns::Static(name) => Some(name.clone()),
            // A site in an unknown namespace may be in any of them: no choice to make.
            Ns::Any => None,
        })
        .collect();
    namespaces.sort();
    namespaces.dedup();
    namespaces
}

fn direction(words: &Words, from: Side) -> String {
    format!("{} → {}", from.name(words), from.other().name(words))
}

struct Builder<'a> {
    analysis: &'a Analysis,
    positions: Positions<'a>,
    steps: Vec<Step>,
    /// The direction of the path being built.
    direction: String,
}

impl Builder<'_> {
    fn step(&mut self, file: FileId, span: Span, what: String, broken: Option<String>) {
        let at = self.positions.range(file, span);
        let path = self.positions.path(file);
        let status = if broken.is_some() {
            Status::Broken
        } else {
            Status::Ok
        };
        self.push(status, what, Some((path, at.line, at.column)), broken);
    }

    /// A step no code stands for, that is not broken: a receiver `check` cannot name.
    fn missing_free(&mut self, what: String) {
        self.push(Status::Ok, what, None, None);
    }

    /// A step no code stands for.
    fn missing(&mut self, what: String, reason: String) {
        self.push(Status::Missing, what, None, Some(reason));
    }

    /// Adds a step, unless the same step is already on this direction's path (two emits
    /// reaching one handler walk through it once).
    fn push(
        &mut self,
        status: Status,
        what: String,
        at: Option<(String, u32, u32)>,
        reason: Option<String>,
    ) {
        let (file, line, column) = match at {
            Some((file, line, column)) => (Some(file), Some(line), Some(column)),
            None => (None, None, None),
        };
        let repeated = self.steps.iter().any(|s| {
            s.direction == self.direction
                && s.what == what
                && s.file == file
                && s.line == line
                && s.column == column
                && s.reason == reason
        });
        if repeated {
            return;
        }
        self.steps.push(Step {
            number: self.steps.len() + 1,
            status,
            what,
            file,
            line,
            column,
            direction: self.direction.clone(),
            reason,
        });
    }

    /// For an emit no named receiver takes: whether one `check` cannot name (a
    /// listener whose name is computed at runtime, a list of commands it cannot read, a
    /// file that did not parse) may take it, as `check` judges it. Then that is the step.
    fn may_be_received(&mut self, emit: &EmitSite, event: &str) -> bool {
        let graph = &self.analysis.graph;
        let words = emit.transport.words();
        let receiving = emit.side.other();
        let may = crate::graph::peer_sides(emit.transport, emit.side)
            .iter()
            .any(|&side| graph.may_be_handled(emit.app, emit.transport, side, &emit.ns, event));
        if may {
            self.missing_free(format!(
                "no {} {} names \"{event}\", but one whose name is not known here may take it",
                receiving.name(words),
                words.handler
            ));
        }
        may
    }

    fn emit_path(&mut self, cx: &Context, emit: &EmitSite, event: &str) {
        if emit.transport.is_request_reply() {
            self.invoke_path(emit, event);
            return;
        }
        let graph = &self.analysis.graph;
        let words = emit.transport.words();
        let waits = match (emit.ack, emit.timeout, emit.awaited) {
            (false, _, _) => "sends it without waiting for an answer".to_owned(),
            (true, true, _) => "waits for the ack, with a timeout".to_owned(),
            (true, false, true) => "awaits the ack, with no timeout".to_owned(),
            (true, false, false) => "waits for the ack in a callback, with no timeout".to_owned(),
        };
        let receivers: Vec<&HandlerSite> = graph.receivers(emit).filter(|h| h.confident).collect();
        self.direction = direction(words, emit.side);
        // A Tauri event reaches listeners on both sides: the path names those it reaches.
        if emit.transport.reaches_own_side() && !receivers.is_empty() {
            let mut to: Vec<&str> = receivers.iter().map(|h| h.side.name(words)).collect();
            to.sort_unstable();
            to.dedup();
            self.direction = format!("{} → {}", emit.side.name(words), to.join(" and "));
        }
        self.step(
            emit.file,
            emit.span,
            format!(
                "{} {} \"{event}\" and {waits}",
                emit.side.subject(words),
                words.sends
            ),
            None,
        );
        // A call of a wrapper: the emit it makes is inside the wrapper.
        if let Some((file, span)) = emit.via {
            self.step(file, span, "through the wrapper's emit".to_owned(), None);
        }
        let receiving = emit.side.other();
        if receiving == Side::Server && emit.transport.has_middleware() {
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
        if receivers.is_empty() && self.may_be_received(emit, event) {
            return;
        }
        if receivers.is_empty() {
            // The finding about this emit, whichever rule reports it: alone, or as one
            // end of a misspelt pair.
            let finding = self.analysis.diagnostics.iter().find(|d| {
                matches!(d.rule, "unmatched-emit" | "event-name-mismatch")
                    && ((d.file == emit.file && d.span == emit.span)
                        || d.labels
                            .iter()
                            .any(|l| l.file == emit.file && l.span == emit.span))
            });
            // `check` reports no end here: the receiver may be outside these paths (a
            // peer or a plugin not given), as it judges.
            if finding.is_none() {
                self.missing_free(format!(
                    "no {} {} here is named \"{event}\", but one outside these paths may take it (`check` reports nothing)",
                    receiving.name(words),
                    words.handler
                ));
                return;
            }
            let mut reason = if emit.transport.reaches_own_side() {
                format!(
                    "nothing {} for \"{event}\" in {} or {}",
                    words.receives,
                    emit.side.subject(words),
                    receiving.subject(words)
                )
            } else {
                format!(
                    "no {} {} {} for \"{event}\"{}",
                    receiving.name(words),
                    words.handler,
                    words.receives,
                    if emit.transport.has_namespaces() {
                        emit.ns.clause()
                    } else {
                        String::new()
                    }
                )
            };
            if let Some(help) = finding.and_then(|d| d.help.as_deref()) {
                reason.push_str(": ");
                reason.push_str(help);
            }
            // Where the handler it was probably meant for is, when there is one.
            let meant = finding.and_then(|d| {
                let (file, span) = if d.file == emit.file && d.span == emit.span {
                    let label = d.labels.first()?;
                    (label.file, label.span)
                } else {
                    (d.file, d.span)
                };
                Some(self.positions.location(file, span))
            });
            if let Some(meant) = meant {
                reason.push_str(&format!(" (the closest handler is at {meant})"));
            }
            self.missing(
                format!(
                    "{} {} for \"{event}\"",
                    receiving.name(words),
                    words.handler
                ),
                reason,
            );
            return;
        }
        for handler in receivers {
            self.handler_steps(cx, emit, handler, event);
        }
    }

    fn handler_steps(&mut self, cx: &Context, emit: &EmitSite, handler: &HandlerSite, event: &str) {
        let graph = &self.analysis.graph;
        let nest = handler.ack.as_ref().and_then(|ack| ack.nest);
        let words = handler.transport.words();
        let runs = match (nest, &handler.listener_name) {
            (Some(_), Some(method)) => format!(
                "{} handler `{method}` for \"{event}\" runs",
                handler.side.as_str()
            ),
            _ => words.runs(handler.side.name(words), handler.side.subject(words), event),
        };
        self.step(handler.file, handler.span, runs, None);
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
                Some(ack) if ack.nest == Some(NestReply::Return) => {
                    for missing in &ack.summary.missing {
                        self.step(
                            handler.ack_file,
                            missing.span,
                            "a path through the handler".to_owned(),
                            Some(crate::rules::nest_missing_label(missing.kind).to_owned()),
                        );
                    }
                    if ack.summary.calls == Calls::Never {
                        self.step(
                            handler.file,
                            handler.span,
                            "the reply".to_owned(),
                            Some("the method never returns a value to send as the ack".to_owned()),
                        );
                    }
                    for call in &ack.summary.call_spans {
                        self.step(
                            handler.ack_file,
                            *call,
                            "the returned value answers the caller as the ack".to_owned(),
                            None,
                        );
                    }
                }
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
                && graph.may_be_handled(
                    relay.app,
                    relay.transport,
                    relay.side.other(),
                    &relay.ns,
                    name,
                )
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

/// Tauri's request-reply path: an `invoke` to its command and back.
impl Builder<'_> {
    /// The `invoke` written at `start` in `file`, as the TS front-end read it.
    fn written_invoke(&self, file: FileId, start: u32) -> Option<&TauriInvoke> {
        self.analysis.files[file]
            .facts
            .tauri_invokes
            .iter()
            .find(|written| written.call_start == start)
    }

    /// The first `#[tauri::command]` fn named `name`, in file order.
    fn command_named(&self, name: &str) -> Option<(FileId, &TauriCommand)> {
        self.analysis
            .files
            .iter()
            .enumerate()
            .find_map(|(file, source)| {
                let command = source
                    .facts
                    .tauri_commands
                    .iter()
                    .find(|c| c.name == name)?;
                Some((file, command))
            })
    }

    /// The findings of `rules` whose primary location is `(file, span)`.
    fn findings_at<'d>(
        &'d self,
        rules: &'d [&str],
        file: FileId,
        span: Span,
    ) -> impl Iterator<Item = &'d crate::diagnostic::Diagnostic> {
        self.analysis
            .diagnostics
            .iter()
            .filter(move |d| rules.contains(&d.rule) && d.file == file && d.span == span)
    }

    fn invoke_path(&mut self, invoke: &EmitSite, command: &str) {
        let graph = &self.analysis.graph;
        let words = invoke.transport.words();
        self.direction = direction(words, invoke.side);
        let written = self.written_invoke(invoke.file, invoke.span.start).cloned();
        self.step(
            invoke.file,
            invoke.span,
            format!(
                "{} {} \"{command}\"{}",
                invoke.side.subject(words),
                words.sends,
                promise_clause(written.as_ref().map(|w| w.promise))
            ),
            None,
        );
        if let Some((file, span)) = invoke.via {
            let inner = self.written_invoke(file, span.start).map(|w| w.promise);
            self.step(
                file,
                span,
                format!(
                    "through the wrapper's invoke{}",
                    promise_clause(inner).replacen(" and ", ", which ", 1)
                ),
                None,
            );
        }
        let receivers: Vec<&HandlerSite> =
            graph.receivers(invoke).filter(|h| h.confident).collect();
        if receivers.is_empty() && self.may_be_received(invoke, command) {
            return;
        }
        if receivers.is_empty() {
            let finding = self
                .findings_at(
                    &["unknown-command", "command-not-registered"],
                    invoke.file,
                    invoke.span,
                )
                .next();
            // `check` reports nothing: a plugin crate not in these paths, a list it
            // cannot read, may register it.
            let Some(finding) = finding else {
                self.missing_free(format!(
                    "no registered command here is named \"{command}\", but one outside these paths may be (`check` reports nothing)"
                ));
                return;
            };
            let reason = match &finding.help {
                Some(help) => format!("{}: {help}", finding.message),
                None => finding.message.clone(),
            };
            self.missing(
                format!("the command \"{command}\" in a live `generate_handler!`"),
                reason,
            );
            return;
        }
        for handler in &receivers {
            let duplicate = self
                .findings_at(&["duplicate-command"], handler.file, handler.span)
                .next()
                .map(|d| d.message.clone());
            self.step(
                handler.file,
                handler.span,
                "registered in a live `generate_handler!`".to_owned(),
                duplicate,
            );
        }
        // `plugin:notes-sync|sync_now` is the plugin's fn `sync_now`.
        let fn_name = command.rsplit('|').next().unwrap_or(command);
        let Some((file, defined)) = self.command_named(fn_name) else {
            return;
        };
        let defined = defined.clone();
        self.step(
            file,
            defined.span,
            format!(
                "the command `fn {fn_name}` runs{}",
                if defined.reply.is_async {
                    " (async: off the main thread)"
                } else {
                    " (sync: on the main thread, which waits for it)"
                }
            ),
            None,
        );
        // The argument object against the parameters.
        let mut value_spans: Vec<Span> = vec![invoke.span];
        if let Some(written) = &written {
            value_spans.extend(written.values.iter().map(|v| v.span));
        }
        let mismatches: Vec<(Span, String)> = value_spans
            .iter()
            .flat_map(|span| self.findings_at(&["command-args-mismatch"], invoke.file, *span))
            .map(|d| (d.span, d.message.clone()))
            .collect();
        for (span, message) in &mismatches {
            self.step(
                invoke.file,
                *span,
                "the argument object".to_owned(),
                Some(message.clone()),
            );
        }
        if mismatches.is_empty()
            && let Some(sent) = &invoke.payload_keys
        {
            let read: Vec<String> = defined
                .args
                .iter()
                .filter(|arg| sent.contains(&arg.key))
                .map(|arg| format!("`{}` → `{}`", arg.key, arg.rust_name))
                .collect();
            let what = if read.is_empty() {
                "the command reads no argument the invoke must send".to_owned()
            } else {
                format!("the arguments reach its parameters: {}", read.join(", "))
            };
            self.step(invoke.file, invoke.span, what, None);
        }
        // Back: the Channels it streams through, then what settles the Promise.
        self.direction = direction(words, invoke.side.other());
        for arg in defined.args.iter().filter(|arg| arg.channel) {
            for send in &arg.sends {
                self.step(
                    file,
                    *send,
                    format!(
                        "`{}.send(..)` sends a message on the Channel",
                        arg.rust_name
                    ),
                    None,
                );
            }
            let value = written
                .as_ref()
                .and_then(|w| w.values.iter().find(|v| v.key == arg.key));
            if let Some(value) = value
                && let InvokeValueKind::Channel { binding, onmessage } = &value.kind
            {
                let receiver = match binding {
                    Some(binding) => format!("`{binding}.onmessage`"),
                    None => "the handler given to `new Channel(..)`".to_owned(),
                };
                let (what, broken) = match onmessage {
                    Some(_) => (
                        format!(
                            "streams messages through Channel `{}` → {receiver}",
                            arg.key
                        ),
                        None,
                    ),
                    None => (
                        format!("streams messages through Channel `{}`", arg.key),
                        Some("the Channel has no `onmessage`: its messages are dropped".to_owned()),
                    ),
                };
                self.step(invoke.file, onmessage.unwrap_or(value.span), what, broken);
            }
        }
        let resolves = match &defined.reply.resolves {
            Some(ty) => format!("`{ty}`"),
            None => "`null`".to_owned(),
        };
        self.step(
            file,
            defined.span,
            format!("the command's return value resolves the invoke with {resolves}"),
            None,
        );
        let handled = match written.as_ref().map(|w| w.promise) {
            Some(InvokePromise::Awaited) => ", thrown at the webview's `await`",
            Some(InvokePromise::Chained) => ", handled by the chained `.catch`",
            Some(InvokePromise::Returned) => ", for the invoke's caller to handle",
            Some(InvokePromise::Dropped) => ", which nothing handles (an unhandled rejection)",
            Some(InvokePromise::Kept) | None => "",
        };
        let rejects = match &defined.reply.rejects {
            Rejects::With(error) => Some(format!(
                "an `Err` rejects it with the serialized `{error}`{handled}"
            )),
            Rejects::Unnamed => Some(format!(
                "an `Err` rejects it with the serialized error{handled}"
            )),
            Rejects::Never => None,
        };
        if let Some(rejects) = rejects {
            self.step(file, defined.span, rejects, None);
        }
    }
}

/// How an invoke's Promise is used, as the end of its step's sentence.
fn promise_clause(promise: Option<InvokePromise>) -> &'static str {
    match promise {
        Some(InvokePromise::Awaited) => " and awaits the result",
        Some(InvokePromise::Chained) => " and handles the result with `.then`/`.catch`",
        Some(InvokePromise::Returned) => " and returns the Promise to its caller",
        Some(InvokePromise::Dropped) => " and drops the Promise",
        Some(InvokePromise::Kept) => " and keeps the Promise",
        None => "",
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
    // The payload names the test declares, with a placeholder to fill in.
    let names: Vec<String> = match emit.args {
        Some(0) => Vec::new(),
        Some(1) | None => vec!["payload".to_owned()],
        Some(n) => (1..=n).map(|i| format!("payload{i}")).collect(),
    };
    let args: String = names.iter().map(|name| format!(", {name}")).collect();
    let payloads: String = names
        .iter()
        .map(|name| format!("const {name} = {{}}; // fill in: a valid \"{event}\" payload\n"))
        .collect();
    let payload_note = if names.is_empty() {
        ""
    } else {
        ", and the payload the server expects"
    };
    match (emit.side, emit.ack) {
        (Side::Client, true) => format!(
            "Write an integration test that starts the server and emits with a deadline, on the success and on the failure path:\n\n\
import {{ io as connect }} from \"socket.io-client\";\n\n\
// Fill in: the port your test server listens on{payload_note}.\n\
const port = Number(process.env.PORT ?? 3000);\n{payloads}\n\
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

/// A test that proves a Tauri command or event works, written with Tauri's own test
/// helpers (`tauri::test`, `@tauri-apps/api/mocks`).
fn verify_tauri(transport: Transport, name: &str, first: Option<&EmitSite>) -> String {
    match (transport, first) {
        (Transport::TauriCommand, Some(invoke)) => {
            let keys = match &invoke.payload_keys {
                Some(keys) if !keys.is_empty() => format!(" ({{ {} }})", keys.join(", ")),
                _ => String::new(),
            };
            format!(
                "Write a Rust test that builds the app with `tauri::test::mock_builder()` and the same `generate_handler!`, calls `tauri::test::get_ipc_response` for \"{name}\" with the argument object the webview sends{keys}, and asserts the reply is `Ok`; and a webview test (`mockIPC` from `@tauri-apps/api/mocks`) that the code handles the invoke's rejection."
            )
        }
        (Transport::TauriCommand, None) => format!(
            "Invoke \"{name}\" from a test and assert the command's effect, or remove the command from `generate_handler!`."
        ),
        (_, Some(emit)) if emit.side == Side::Server => format!(
            "Write a Rust test with `tauri::test::mock_app()` that listens for \"{name}\" with `listen_any` and asserts that it arrives within 2 s after the action that emits it."
        ),
        (_, Some(_)) => format!(
            "Write a webview test that mocks the IPC with `mockIPC` from `@tauri-apps/api/mocks` and asserts that the action emits \"{name}\" (the command `plugin:event|emit` with `event: \"{name}\"`)."
        ),
        (_, None) => format!(
            "Emit \"{name}\" from a test and assert the listener's effect, or remove the listener."
        ),
    }
}

pub fn render_human(trace: &Trace) -> String {
    let mut out = String::new();
    if trace.transport.has_namespaces() {
        let ns = trace.namespace.as_deref().unwrap_or("/");
        let _ = writeln!(out, "trace of \"{}\" in namespace \"{ns}\"\n", trace.event);
    } else {
        let _ = writeln!(
            out,
            "trace of {}\"{}\"\n",
            trace.transport.words().trace_title,
            trace.event
        );
    }
    let mut direction = "";
    for step in &trace.steps {
        if step.direction != direction {
            // A blank line between the two directions' paths, as between paragraphs.
            if !direction.is_empty() {
                out.push('\n');
            }
            direction = &step.direction;
            let _ = writeln!(out, "{direction}:");
        }
        let mark = match step.status {
            Status::Ok => "ok",
            Status::Broken => "BROKEN",
            Status::Missing => "MISSING",
        };
        let stall = if trace.stall == Some(step.number) {
            "  <- the message stalls here"
        } else {
            ""
        };
        let at = match (&step.file, step.line, step.column) {
            (Some(file), Some(line), Some(column)) => format!(" ({file}:{line}:{column})"),
            _ if step.status == Status::Missing => " (nowhere in this project)".to_owned(),
            // A receiver `check` cannot name: no code to point at, and nothing missing.
            _ => String::new(),
        };
        let _ = writeln!(out, "{:>3}. [{mark}] {}{at}{stall}", step.number, step.what);
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
