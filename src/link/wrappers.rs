//! Calls of wrappers as sites.
//!
//! A function whose parameter is the event name of an emit or registration inside it
//! (`send(ev, payload, cb) { socket.emit(ev, payload, cb) }`) is a wrapper: each call of
//! it (`send("chat:message", text)`) is the real site, in the caller's file, with the
//! name, payload and ack of that call, on the wrapper's socket. A wrapper that only
//! passes its ack or payload along (`loadItems(callback) { socket.emit("items:list",
//! callback) }`) keeps its own site, whose ack and payload the calls decide.
//!
//! A call inside another function that passes that function's parameters on makes it a
//! wrapper too (a wrapper of a wrapper), up to [`MAX_WRAP_DEPTH`] levels.
//!
//! The wrapped site itself disappears only when every call of its wrapper is known and
//! names a known event; otherwise it stays, a dynamic name as before.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Linker;
use crate::facts::{
    CallArg, Emit, EmitMethod, FuncId, Handler, Span, WrapArg, WrappedSite, WrapperCall,
};
use crate::facts::{Callee, ExportValue, NameShape, Origin, SocketRef, Wrapper};
use crate::graph::{Event, FileId};

/// Wrappers of wrappers followed this deep: real code has two or three layers.
const MAX_WRAP_DEPTH: usize = 3;
/// Templates kept per function, against pathological fan-out.
const MAX_TEMPLATES: usize = 16;

/// Where a site made from a wrapper's call is.
pub(super) struct CallPlace {
    /// The file of the call.
    pub file: FileId,
    /// The file whose bindings the site's event name is written in: the call's when it
    /// passes the name, the wrapper's when the name is the wrapper's own.
    pub name_file: FileId,
    /// The wrapped site inside the wrapper, and its file.
    pub via_file: FileId,
    pub via: Span,
}

pub(super) struct CallEmit {
    pub wrapper_file: FileId,
    pub emit: Emit,
    pub place: CallPlace,
}

pub(super) struct CallHandler {
    pub wrapper_file: FileId,
    pub handler: Handler,
    pub place: CallPlace,
}

/// What the calls of a wrapper say about the ack and payload it passes along.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Shape {
    ack: bool,
    ack_known: bool,
    args: Option<u32>,
}

impl Shape {
    /// Neither the ack nor the payload count can be told.
    const UNKNOWN: Shape = Shape {
        ack: false,
        ack_known: false,
        args: None,
    };

    pub fn apply(&self, emit: &Emit) -> Emit {
        Emit {
            ack_callback: self.ack,
            ack_known: self.ack_known,
            args: self.args,
            ..emit.clone()
        }
    }
}

#[derive(Default)]
pub(super) struct Wrapped {
    /// Wrapped sites whose every call became a site of its own.
    pub replaced_emits: HashSet<(FileId, u32)>,
    pub replaced_handlers: HashSet<(FileId, u32)>,
    /// Emits that pass an ack or payload along, with the shape their calls give them.
    pub adjusted: HashMap<(FileId, u32), Shape>,
    pub emits: Vec<CallEmit>,
    pub handlers: Vec<CallHandler>,
}

/// A wrapped site in the terms of one function's parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Template {
    /// The file and site wrapped.
    origin: (FileId, WrappedSite),
    name: Option<u32>,
    args: Vec<WrapArg>,
    /// The parameter that is the site's socket (`waitFor(socket, event)`): each call's
    /// argument there is the receiver, not every socket any caller passes.
    receiver: Option<u32>,
    /// How the name is made from the name parameter, and when it is passed on.
    name_shape: NameShape,
}

/// A call that may be a wrapper's: its file, the call, and the functions it calls.
type ResolvedCall<'c> = (FileId, &'c WrapperCall, Vec<(FileId, FuncId)>);

/// What the calls reaching one wrapped site did.
#[derive(Default)]
struct Reach {
    /// Calls that name a known event (or, for a passed-along ack, whose shape is known).
    concrete: u32,
    /// A call whose name is unknown, or a wrapper of it that nothing calls.
    unresolved: bool,
    /// For a passed-along ack or payload: the shape each call gives, by call.
    shapes: Vec<(FileId, Span, Shape)>,
}

impl<'a> Linker<'a> {
    pub(super) fn expand_wrappers(&self) -> Wrapped {
        let mut templates: HashMap<(FileId, FuncId), Vec<Template>> = HashMap::default();
        let mut of_unknown_kind: HashSet<(FileId, u32)> = HashSet::default();
        for (file, source) in self.files.iter().enumerate() {
            for wrapper in &source.facts.wrappers {
                if let Some(index) = passes_value_of_unknown_kind(&source.facts, wrapper) {
                    of_unknown_kind.insert((file, index));
                }
                templates
                    .entry((file, wrapper.func))
                    .or_default()
                    .push(Template {
                        origin: (file, wrapper.site),
                        name: wrapper.name,
                        args: wrapper.args.clone(),
                        receiver: self.receiver_param(file, wrapper),
                        name_shape: wrapper.name_shape.clone(),
                    });
            }
        }
        if templates.is_empty() {
            return Wrapped::default();
        }
        let mut calls: Vec<ResolvedCall> = Vec::new();
        for (file, source) in self.files.iter().enumerate() {
            for call in &source.facts.wrapper_calls {
                let callees = self.wrapper_callees(file, &call.callee);
                if !callees.is_empty() {
                    calls.push((file, call, callees));
                }
            }
        }
        // Wrappers of wrappers: a call that passes its function's parameters on.
        for _ in 0..MAX_WRAP_DEPTH {
            let mut derived: Vec<((FileId, FuncId), Template)> = Vec::new();
            for (file, call, callees) in &calls {
                let Some(frame) = call.frame else {
                    continue;
                };
                for target in callees {
                    for template in templates.get(target).into_iter().flatten() {
                        if let Some(template) = derive(template, &call.args) {
                            derived.push(((*file, frame), template));
                        }
                    }
                }
            }
            let mut added = false;
            for (key, template) in derived {
                let list = templates.entry(key).or_default();
                if list.len() < MAX_TEMPLATES && !list.contains(&template) {
                    list.push(template);
                    added = true;
                }
            }
            if !added {
                break;
            }
        }
        let mut wrapped = Wrapped::default();
        let mut reach: HashMap<(FileId, WrappedSite), Reach> = HashMap::default();
        let mut called: HashSet<(FileId, FuncId)> = HashSet::default();
        for (file, call, callees) in &calls {
            for target in callees {
                let Some(list) = templates.get(target) else {
                    continue;
                };
                called.insert(*target);
                for template in list {
                    let reached = reach.entry(template.origin).or_default();
                    self.expand_call(*file, call, template, reached, &mut wrapped);
                }
            }
        }
        // A wrapper nothing in the project calls (an API for others, or one whose calls
        // were not followed) leaves its site as it is written.
        for (key, list) in &templates {
            if !called.contains(key) {
                for template in list {
                    reach.entry(template.origin).or_default().unresolved = true;
                }
            }
        }
        let mut origins: Vec<_> = reach.into_iter().collect();
        origins.sort_by_key(|(origin, _)| *origin);
        for ((file, site), mut reached) in origins {
            let settled = reached.concrete > 0 && !reached.unresolved;
            match site {
                WrappedSite::Emit(index) if !reached.shapes.is_empty() => {
                    if !settled {
                        continue;
                    }
                    // Callers that agree give the wrapper's own site their shape. Callers
                    // that do not are each a site of their own, and the wrapper's site,
                    // which stands for no caller in particular, asks for nothing.
                    reached.shapes.sort_by_key(|(file, span, _)| (*file, *span));
                    let Some(&(_, _, first)) = reached.shapes.first() else {
                        continue;
                    };
                    let agree = reached.shapes.iter().all(|(_, _, shape)| *shape == first);
                    // A trailing value the wrapper cannot tell the kind of is data when
                    // every call passes data there; a call passing a function or a value
                    // of unknown kind leaves the site as it is written, one site.
                    if of_unknown_kind.contains(&(file, index)) {
                        if agree && first.ack_known {
                            wrapped.adjusted.insert((file, index), first);
                        }
                        continue;
                    }
                    if agree {
                        wrapped.adjusted.insert((file, index), first);
                        continue;
                    }
                    wrapped.adjusted.insert((file, index), Shape::UNKNOWN);
                    let Some(emit) = self.files[file].facts.emits.get(index as usize) else {
                        continue;
                    };
                    for &(call_file, call_span, shape) in &reached.shapes {
                        wrapped.emits.push(CallEmit {
                            wrapper_file: file,
                            emit: Emit {
                                span: call_span,
                                name_span: call_span,
                                name_is_literal: false,
                                awaited_emit: None,
                                reply_to: None,
                                ..shape.apply(emit)
                            },
                            place: CallPlace {
                                file: call_file,
                                name_file: file,
                                via_file: file,
                                via: emit.span,
                            },
                        });
                    }
                }
                WrappedSite::Emit(index) if settled => {
                    wrapped.replaced_emits.insert((file, index));
                }
                WrappedSite::Handler(index) if settled => {
                    wrapped.replaced_handlers.insert((file, index));
                }
                _ => {}
            }
        }
        wrapped
            .emits
            .sort_by_key(|call| (call.place.file, call.emit.span));
        wrapped
            .handlers
            .sort_by_key(|call| (call.place.file, call.handler.span));
        wrapped
    }

    /// The parameter of the wrapper that the wrapped site's socket is, when it is one.
    fn receiver_param(&self, file: FileId, wrapper: &Wrapper) -> Option<u32> {
        let facts = &self.files[file].facts;
        let receiver = match wrapper.site {
            WrappedSite::Emit(at) => &facts.emits.get(at as usize)?.receiver,
            WrappedSite::Handler(at) => &facts.handlers.get(at as usize)?.receiver,
        };
        match receiver.origin {
            Origin::Param { func, index, .. } if func == wrapper.func => Some(index),
            _ => None,
        }
    }

    /// The functions a call may call, strictly: a call turns into a site, so a namesake
    /// elsewhere in the project (which `callees` accepts for sockets passed along) is not
    /// enough. A member of an import is a function of that name in the imported file.
    fn wrapper_callees(&self, file: FileId, callee: &Callee) -> Vec<(FileId, FuncId)> {
        let Callee::Import {
            specifier,
            name,
            path,
        } = callee
        else {
            return match callee {
                Callee::Local(id) => vec![(file, *id)],
                _ => Vec::new(),
            };
        };
        if let Some((target, ExportValue::Function(id))) =
            self.import(file, specifier, name, path, 0)
        {
            let named = self.files[target]
                .facts
                .functions
                .get(*id as usize)
                .and_then(|function| function.name.as_deref());
            if path.is_empty() || named == path.last().map(String::as_str) {
                return vec![(target, *id)];
            }
        }
        let (Some(method), Some(target)) = (path.last(), self.resolver.resolve(file, specifier))
        else {
            return Vec::new();
        };
        self.functions_by_name
            .get(method.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&(holder, _)| holder == target)
            .collect()
    }

    /// One call of a wrapper, for one site it wraps.
    fn expand_call(
        &self,
        file: FileId,
        call: &WrapperCall,
        template: &Template,
        reached: &mut Reach,
        wrapped: &mut Wrapped,
    ) {
        let (origin_file, site) = template.origin;
        let facts = &self.files[origin_file].facts;
        let Some(index) = template.name else {
            // Only the ack or payload is passed along.
            let args = passed(&template.args, &call.args);
            if passes_params(&args) {
                return; // a wrapper of the wrapper: its own calls decide
            }
            match site {
                WrappedSite::Emit(at) => {
                    if let Some(emit) = facts.emits.get(at as usize) {
                        reached.concrete += 1;
                        reached
                            .shapes
                            .push((file, call.span, shape(&args, emit.method)));
                    }
                }
                // `onMessage(cb) { socket.on("message:new", cb) }`: each call registers
                // its own listener for the wrapper's event.
                WrappedSite::Handler(at) => {
                    if let Some(handler) = facts.handlers.get(at as usize) {
                        reached.concrete += 1;
                        let listener = match template.args.first() {
                            Some(WrapArg::Param(i)) => call.args.get(*i as usize),
                            _ => None,
                        };
                        wrapped.handlers.push(CallHandler {
                            wrapper_file: origin_file,
                            handler: Handler {
                                span: call.span,
                                name_span: call.span,
                                name_is_literal: false,
                                ..call_handler(handler, listener)
                            },
                            place: CallPlace {
                                file,
                                name_file: origin_file,
                                via_file: origin_file,
                                via: handler.span,
                            },
                        });
                    }
                }
            }
            return;
        };
        let Some(name) = call.args.get(index as usize) else {
            reached.unresolved = true;
            return;
        };
        if matches!(name.arg, WrapArg::Param(_) | WrapArg::Rest(_)) {
            return; // a wrapper of the wrapper
        }
        let Event::Name(passed_name) = self.event(file, &name.value) else {
            reached.unresolved = true;
            return;
        };
        // `if (cmd.startsWith("plugin:")) invoke(cmd)`: a name the test turns away is
        // never sent from here; one the test cannot be evaluated on is unknown.
        match template.name_shape.admits(&passed_name) {
            Some(true) => {}
            Some(false) => {
                reached.concrete += 1;
                return;
            }
            None => {
                reached.unresolved = true;
                return;
            }
        }
        reached.concrete += 1;
        // `invoke(`plugin:x|${cmd}`)`: the site's name is the call's, shaped; the call's
        // literal is then only part of it, which a rename fix must not replace whole.
        let site_name = template.name_shape.apply(name.value.clone());
        let site_name_is_literal = name.literal
            && template.name_shape.prefix.is_empty()
            && template.name_shape.suffix.is_empty();
        // A socket passed in with the call is resolved where the call is; the wrapper's
        // own socket where the wrapper is.
        let passed_socket = match template.receiver {
            // Not a socket at this call, or one only by its name (`on(this.engine,
            // "data", ...)` in a library): no socket traffic to add.
            Some(index) => match call
                .args
                .get(index as usize)
                .and_then(|a| a.socket.as_ref())
            {
                Some(socket)
                    if !matches!(
                        socket.origin,
                        Origin::Guess | Origin::Field { guess: true, .. }
                    ) =>
                {
                    Some(socket)
                }
                _ => return,
            },
            None => None,
        };
        let receiver = |inner: &SocketRef| match passed_socket {
            Some(socket) => SocketRef {
                origin: socket.origin.clone(),
                ops: socket.ops.iter().chain(&inner.ops).cloned().collect(),
            },
            None => inner.clone(),
        };
        let socket_file = if passed_socket.is_some() {
            file
        } else {
            origin_file
        };
        let place = CallPlace {
            file,
            name_file: file,
            via_file: origin_file,
            via: Span::default(),
        };
        match site {
            WrappedSite::Emit(at) => {
                let Some(emit) = facts.emits.get(at as usize) else {
                    return;
                };
                let args = passed(&template.args, &call.args);
                let shape = shape(&args, emit.method);
                wrapped.emits.push(CallEmit {
                    wrapper_file: socket_file,
                    emit: Emit {
                        receiver: receiver(&emit.receiver),
                        io_in_scope: emit.io_in_scope.clone().filter(|_| passed_socket.is_none()),
                        span: call.span,
                        name_span: name.span,
                        name: site_name.clone(),
                        name_is_literal: site_name_is_literal,
                        // A Tauri invoke's argument object is the call's.
                        payload_keys: match (
                            emit.transport.is_request_reply(),
                            template.args.first(),
                        ) {
                            (true, Some(WrapArg::Param(i))) => match call.args.get(*i as usize) {
                                Some(arg) => arg.keys.clone(),
                                None => Some(Vec::new()),
                            },
                            _ => None,
                        },
                        awaited_emit: None,
                        reply_to: None,
                        ..shape.apply(emit)
                    },
                    place: CallPlace {
                        via: emit.span,
                        ..place
                    },
                });
            }
            WrappedSite::Handler(at) => {
                let Some(handler) = facts.handlers.get(at as usize) else {
                    return;
                };
                // The listener the call passes, when it is a function written there.
                let listener = match template.args.first() {
                    Some(WrapArg::Param(i)) => call.args.get(*i as usize),
                    _ => None,
                };
                wrapped.handlers.push(CallHandler {
                    wrapper_file: socket_file,
                    handler: Handler {
                        receiver: receiver(&handler.receiver),
                        span: call.span,
                        name_span: name.span,
                        name: site_name,
                        name_is_literal: site_name_is_literal,
                        ..call_handler(handler, listener)
                    },
                    place: CallPlace {
                        via: handler.span,
                        ..place
                    },
                });
            }
        }
    }
}

/// The emit a wrapper holds, when all it passes along is a trailing parameter whose
/// kind (data or ack) the wrapper cannot tell: `archive(id) { socket.emit("archive",
/// id) }`. Not a callback by its name (the emit has an ack then) nor a rest parameter.
fn passes_value_of_unknown_kind(facts: &crate::facts::FileFacts, wrapper: &Wrapper) -> Option<u32> {
    let WrappedSite::Emit(index) = wrapper.site else {
        return None;
    };
    let emit = facts.emits.get(index as usize)?;
    (wrapper.name.is_none()
        && !emit.ack_known
        && matches!(wrapper.args.last(), Some(WrapArg::Param(_)))
        && !wrapper
            .args
            .iter()
            .any(|arg| matches!(arg, WrapArg::Rest(_))))
    .then_some(index)
}

/// The handler a wrapper's registration makes at one call, with the listener the call
/// passes (its signature when it is a function written there, else unknown).
pub(super) fn call_handler(handler: &Handler, listener: Option<&CallArg>) -> Handler {
    Handler {
        params: listener.and_then(|l| l.params.clone()),
        ack: listener.and_then(|l| l.ack.as_deref().cloned()),
        listener_elsewhere: None,
        after_await: None,
        emitted_after: Vec::new(),
        context: None,
        shape: None,
        listener_name: None,
        frame: None,
        ..handler.clone()
    }
}

/// The template a call makes of the function it is written in, when it passes that
/// function's parameters on as the name (or, for a passed-along ack, the ack).
fn derive(template: &Template, args: &[CallArg]) -> Option<Template> {
    let name = match template.name {
        Some(index) => match args.get(index as usize)?.arg {
            WrapArg::Param(param) => Some(param),
            _ => return None,
        },
        None => None,
    };
    let passed = passed(&template.args, args);
    if name.is_none() && !passes_params(&passed) {
        return None;
    }
    let receiver = template
        .receiver
        .and_then(|index| match args.get(index as usize)?.arg {
            WrapArg::Param(param) => Some(param),
            _ => None,
        });
    Some(Template {
        origin: template.origin,
        name,
        args: passed,
        receiver,
        name_shape: template.name_shape.clone(),
    })
}

/// A site's arguments with the wrapper's parameters replaced by what a call passes. A
/// parameter the call leaves out is not sent.
fn passed(template: &[WrapArg], args: &[CallArg]) -> Vec<WrapArg> {
    let mut out = Vec::with_capacity(template.len());
    for arg in template {
        match arg {
            WrapArg::Param(index) => {
                if let Some(arg) = args.get(*index as usize) {
                    out.push(arg.arg.clone());
                }
            }
            WrapArg::Rest(index) => {
                out.extend(args.iter().skip(*index as usize).map(|arg| arg.arg.clone()));
            }
            fixed => out.push(fixed.clone()),
        }
    }
    out
}

/// Whether arguments still pass the caller's own ack or rest parameters on.
fn passes_params(args: &[WrapArg]) -> bool {
    matches!(args.last(), Some(WrapArg::Param(_)))
        || args.iter().any(|arg| matches!(arg, WrapArg::Rest(_)))
}

/// The ack and payload count of an emit with these arguments, as the front-end judges
/// them at a plain emit (`on_emit`).
fn shape(args: &[WrapArg], method: EmitMethod) -> Shape {
    let trailing = match args.last() {
        Some(WrapArg::Fixed { function }) if method != EmitMethod::EmitWithAck => *function,
        Some(WrapArg::Param(_) | WrapArg::Spread | WrapArg::Rest(_))
            if method != EmitMethod::EmitWithAck =>
        {
            None
        }
        _ => Some(false),
    };
    let ack = trailing == Some(true) || method == EmitMethod::EmitWithAck;
    let spread = args
        .iter()
        .any(|arg| matches!(arg, WrapArg::Spread | WrapArg::Rest(_)));
    Shape {
        ack: trailing == Some(true),
        ack_known: trailing.is_some(),
        args: if spread || trailing.is_none() {
            None
        } else {
            Some(args.len() as u32 - u32::from(ack && method != EmitMethod::EmitWithAck))
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(arg: WrapArg) -> CallArg {
        CallArg {
            span: Span::default(),
            value: crate::facts::Value::Unknown,
            literal: false,
            arg,
            socket: None,
            params: None,
            ack: None,
            keys: None,
        }
    }

    fn fixed(function: Option<bool>) -> WrapArg {
        WrapArg::Fixed { function }
    }

    #[test]
    fn a_call_without_the_passed_along_callback_sends_no_ack() {
        // loadItems(callback) { socket.emit("items:list", callback) }
        let template = [WrapArg::Param(0)];
        let without = passed(&template, &[]);
        assert_eq!(
            shape(&without, EmitMethod::Emit),
            Shape {
                ack: false,
                ack_known: true,
                args: Some(0)
            }
        );
        let with = passed(&template, &[arg(fixed(Some(true)))]);
        assert_eq!(
            shape(&with, EmitMethod::Emit),
            Shape {
                ack: true,
                ack_known: true,
                args: Some(0)
            }
        );
    }

    #[test]
    fn a_rest_parameter_spreads_the_call_arguments() {
        // emit(ev, ...args) { socket.emit(ev, ...args) }, called emit("x", data, cb)
        let template = [WrapArg::Rest(1)];
        let args = [
            arg(fixed(Some(false))),
            arg(fixed(Some(false))),
            arg(fixed(Some(true))),
        ];
        let sent = passed(&template, &args);
        assert_eq!(sent.len(), 2);
        assert_eq!(
            shape(&sent, EmitMethod::Emit),
            Shape {
                ack: true,
                ack_known: true,
                args: Some(1)
            }
        );
        // A spread of something unknown at the call leaves the ack unknown.
        let unknown = passed(&template, &[arg(fixed(Some(false))), arg(WrapArg::Spread)]);
        assert!(!shape(&unknown, EmitMethod::Emit).ack_known);
    }

    #[test]
    fn a_call_passing_its_own_parameters_on_makes_a_wrapper_of_the_wrapper() {
        let template = Template {
            origin: (0, WrappedSite::Emit(0)),
            name: Some(0),
            args: vec![WrapArg::Param(1)],
            receiver: None,
            name_shape: NameShape::default(),
        };
        // sendChat(event, text) { send(event, { text }) }
        let derived = derive(
            &template,
            &[arg(WrapArg::Param(0)), arg(fixed(Some(false)))],
        )
        .expect("a wrapper of the wrapper");
        assert_eq!(derived.name, Some(0));
        assert_eq!(derived.args, vec![fixed(Some(false))]);
        // send("chat:message", text) names the event: a site, not a wrapper.
        assert!(derive(&template, &[arg(fixed(Some(false)))]).is_none());
    }
}
