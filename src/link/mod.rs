//! Linking: resolve names and sockets across files and build the event graph.
//!
//! Runs on one thread after extraction. Every cross-file reference in the facts (an
//! imported constant, a socket exported by a module, a function called with a socket)
//! is resolved here, so rules see only concrete sites. The linker produces the
//! [`EventGraph`]; the graph knows nothing of how it was linked.

use std::cell::RefCell;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use crate::apps::{AppId, FileSides};
use crate::facts::{
    Ack, CallEffects, Callee, Calls, Emit, EmitMethod, ExportValue, FuncId, Handler, ListenContext,
    ListenMethod, Missing, MissingKind, Side, SocketRef, Span, Summary, TypedSocket, Value,
};
use crate::graph::{
    AppPresence, AppStrings, ConnectSite, Context, EmitSite, Event, EventGraph, FileId, GraphIndex,
    HandlerSite, MiddlewareSite, NamespaceSite, Presence, PromiseSite, RemovalSite, SourceFile,
    UnseenPeer, crate_root, is_rust,
};
use crate::link_settings::LinkSettings;
use crate::resolve::Resolver;
use crate::transport::Transport;

mod maps;
mod names;
mod params;
mod sockets;
mod wrappers;
use sockets::{Kind, SocketValue, imported_param_types};
use wrappers::CallPlace;

/// What calls of a file's functions do, by function id (`lang::call_effects`), for
/// those whose front-end deferred it; `None` when the file cannot be analysed again as
/// it was.
pub type AskEffects<'a> = &'a dyn Fn(FileId) -> Option<Vec<Option<CallEffects>>>;

/// Links the facts of all files into the event graph. The configuration's settings supply
/// the sides of files whose imports do not tell, the sockets wrappers return and the
/// configured apps; `ask_effects`, the call effects the front-ends deferred.
pub fn link(
    files: &[SourceFile],
    resolver: &Resolver,
    settings: &LinkSettings,
    ask_effects: AskEffects<'_>,
) -> EventGraph {
    Linker::new(files, resolver, settings, ask_effects).build()
}

/// What a socket reference resolved to, whether resolving it read parameters, and
/// whether it withheld a fallback (see `Linker::fallback_withheld`).
type MemoAnswer = (Vec<SocketValue>, bool, bool);

/// A call with socket arguments, where it is, and the functions it reaches.
type CallTargets<'f> = (FileId, &'f crate::facts::SocketCall, Vec<(FileId, FuncId)>);
/// A call with sockets among the properties of an object argument, likewise.
type PropTargets<'f> = (FileId, &'f crate::facts::PropCall, Vec<(FileId, FuncId)>);

struct Linker<'a> {
    files: &'a [SourceFile],
    resolver: &'a Resolver,
    settings: &'a LinkSettings,
    /// NestJS interceptors and exception filters registered app-wide, anywhere in the
    /// project: (interceptors, filters). See `Ack::through_nest`.
    nest_globals: (bool, bool),
    /// Sockets passed to each function parameter: (file, function, index).
    params: HashMap<(FileId, FuncId, u32), BTreeSet<SocketValue>>,
    /// Parameters annotated with a socket type another project file declares
    /// (`socket: AppSocket`): what they are when no caller is seen.
    typed_params: HashMap<(FileId, FuncId, u32), TypedSocket>,
    /// Sockets passed as properties of an object parameter: (file, function, index,
    /// property), from `<Chat socket={socket} />` and `register({ io })`.
    props: HashMap<(FileId, FuncId, u32, String), BTreeSet<SocketValue>>,
    /// The sockets React contexts are provided with, by the file that declares the
    /// context and its name there (an imported context is taken to keep its name).
    contexts: HashMap<(FileId, &'a str), Vec<(FileId, &'a SocketRef)>>,
    /// The calls have been followed to the end: see `propagate_params`.
    params_settled: bool,
    /// Whether a resolution of the round under way met a parameter no call has filled
    /// yet but that has a fallback (its type, a default) it is denied until the calls
    /// settle: see `propagate_params`.
    fallback_withheld: std::cell::Cell<bool>,
    /// Functions by name that return a socket, for `this.$root.getSocket()`.
    getters: HashMap<&'a str, Vec<(FileId, FuncId)>>,
    /// Every named function and method, by name.
    functions_by_name: HashMap<&'a str, Vec<(FileId, FuncId)>>,
    /// Class fields holding sockets, by name: (file, index in `socket_fields`).
    fields: HashMap<String, Vec<(FileId, usize)>>,
    /// Rust `const`s and `static`s by name, with the file that defines each.
    rust_consts: HashMap<&'a str, Vec<(FileId, &'a Value)>>,
    sides: Vec<Option<Side>>,
    /// The project files each file imports (resolved once, for sides and apps).
    imports: Vec<Vec<FileId>>,
    /// Some file imports socket.io or socket.io-client.
    uses_socketio: bool,
    /// Resolved socket references, keyed by the reference's address in the facts
    /// (stable while linking), each with whether its resolution read what parameters
    /// were passed: those answers are dropped whenever parameter values change, the
    /// others hold for the whole phase.
    memo: RefCell<HashMap<(FileId, usize), MemoAnswer>>,
    /// Whether the resolution under way has read what parameters were passed (see
    /// `memo`).
    reads_params: std::cell::Cell<bool>,
    /// Each file's path as numbers, one per component, made when first compared.
    path_components: RefCell<PathComponents<'a>>,
    /// See [`Linker::nearest_namesakes`]: by caller, then by name.
    nearest_namesakes: RefCell<HashMap<FileId, Namesakes>>,
    ask_effects: AskEffects<'a>,
    /// The call effects asked for, by file: see [`Linker::call_effects`].
    asked_effects: RefCell<HashMap<FileId, Option<Vec<Option<CallEffects>>>>>,
}

/// Functions by name: the namesakes nearest one caller.
type Namesakes = HashMap<Box<str>, Vec<(FileId, FuncId)>>;

/// Paths as the numbers of their components, so that comparing them does not take
/// them apart again each time.
#[derive(Default)]
struct PathComponents<'a> {
    ids: HashMap<std::path::Component<'a>, u32>,
    of_file: Vec<Option<std::rc::Rc<[u32]>>>,
}

impl<'a> PathComponents<'a> {
    fn of(&mut self, file: FileId, path: &'a std::path::Path) -> std::rc::Rc<[u32]> {
        if let Some(Some(found)) = self.of_file.get(file) {
            return found.clone();
        }
        let ids = &mut self.ids;
        let components: std::rc::Rc<[u32]> = path
            .components()
            .map(|component| {
                let next = ids.len() as u32;
                *ids.entry(component).or_insert(next)
            })
            .collect();
        if self.of_file.len() <= file {
            self.of_file.resize(file + 1, None);
        }
        self.of_file[file] = Some(components.clone());
        components
    }
}

/// Deep enough for real re-export chains, small enough to stop cycles quickly.
const MAX_DEPTH: u32 = 24;

impl<'a> Linker<'a> {
    fn new(
        files: &'a [SourceFile],
        resolver: &'a Resolver,
        settings: &'a LinkSettings,
        ask_effects: AskEffects<'a>,
    ) -> Linker<'a> {
        // Keyed by the names in the facts, not copies: a `node_modules` tree has tens of
        // thousands of named functions.
        let mut getters: HashMap<&str, Vec<(FileId, FuncId)>> = HashMap::default();
        let mut functions_by_name: HashMap<&str, Vec<(FileId, FuncId)>> = HashMap::default();
        for (file, source) in files.iter().enumerate() {
            for (id, function) in source.facts.functions.iter().enumerate() {
                let Some(name) = &function.name else {
                    continue;
                };
                let at = (file, id as FuncId);
                functions_by_name.entry(name).or_default().push(at);
                if function.returns.is_some() {
                    getters.entry(name).or_default().push(at);
                }
            }
        }
        let mut fields: HashMap<String, Vec<(FileId, usize)>> = HashMap::default();
        for (file, source) in files.iter().enumerate() {
            for (index, (name, _)) in source.facts.socket_fields.iter().enumerate() {
                fields.entry(name.clone()).or_default().push((file, index));
            }
        }
        let mut rust_consts: HashMap<&str, Vec<(FileId, &Value)>> = HashMap::default();
        for (file, source) in files.iter().enumerate() {
            if !is_rust(&source.path) {
                continue;
            }
            for (name, export) in &source.facts.exports {
                if let ExportValue::Value(value) = export {
                    rust_consts.entry(name).or_default().push((file, value));
                }
            }
        }
        let typed_params = imported_param_types(files, resolver);
        // NestJS interceptors and exception filters registered for the whole app.
        let nest_globals = files.iter().fold((false, false), |(i, f), source| {
            let nest = &source.facts.nest;
            (i || nest.global_interceptors, f || nest.global_filters)
        });
        Linker {
            files,
            resolver,
            settings,
            nest_globals,
            rust_consts,
            typed_params,
            params: HashMap::default(),
            props: HashMap::default(),
            contexts: HashMap::default(),
            params_settled: true,
            fallback_withheld: std::cell::Cell::new(false),
            getters,
            functions_by_name,
            fields,
            sides: Vec::new(),
            imports: Vec::new(),
            uses_socketio: files.iter().any(|f| f.facts.uses_socketio),
            memo: RefCell::new(HashMap::default()),
            reads_params: std::cell::Cell::new(false),
            path_components: RefCell::default(),
            nearest_namesakes: RefCell::default(),
            ask_effects,
            asked_effects: RefCell::default(),
        }
    }

    fn build(mut self) -> EventGraph {
        self.imports = self.resolved_imports();
        self.contexts = self.provided_contexts();
        self.sides = self.file_sides();
        self.propagate_params();
        let mut wrapped = self.expand_wrappers();
        self.expand_imported_maps(&mut wrapped);
        let mut graph = EventGraph::default();
        for (file, source) in self.files.iter().enumerate() {
            let facts = &source.facts;
            for (index, emit) in facts.emits.iter().enumerate() {
                let at = (file, index as u32);
                if wrapped.replaced_emits.contains(&at) {
                    continue;
                }
                match wrapped.adjusted.get(&at) {
                    Some(adjusted) => {
                        let emit = adjusted.apply(emit);
                        self.push_emit_sites(&mut graph, file, &emit, None);
                    }
                    None => self.push_emit_sites(&mut graph, file, emit, None),
                }
            }
            for (index, handler) in facts.handlers.iter().enumerate() {
                if !wrapped.replaced_handlers.contains(&(file, index as u32)) {
                    self.push_handler_sites(&mut graph, file, handler, None);
                }
            }
            for middleware in &facts.middlewares {
                for value in self.socket(file, &middleware.receiver, 0) {
                    let per_packet = match value.kind {
                        Kind::ServerSocket => true,
                        Kind::Server | Kind::Namespace => false,
                        _ => continue,
                    };
                    graph.middlewares.push(MiddlewareSite {
                        file,
                        app: 0,
                        // `use` on a server, namespace or server socket: Socket.IO's.
                        transport: Transport::SocketIo,
                        span: middleware.span,
                        ns: value.ns.clone(),
                        per_packet,
                        next: middleware.next.as_ref().map(|next| self.judged(file, next)),
                        next_name: middleware.next_name.clone(),
                        shape: middleware.shape.clone(),
                    });
                }
            }
            for removal in &facts.removals {
                for value in self.socket(file, &removal.receiver, 0) {
                    let side = match value.kind {
                        Kind::ClientSocket => Side::Client,
                        Kind::ServerSocket => Side::Server,
                        _ => continue,
                    };
                    graph.removals.push(RemovalSite {
                        file,
                        app: 0,
                        transport: removal.transport,
                        span: removal.span,
                        side,
                        ns: value.ns.clone(),
                        event: (!removal.all_events).then(|| self.event(file, &removal.name)),
                        has_listener: removal.has_listener,
                        remove_all: removal.remove_all,
                        frames: removal.frames.clone(),
                    });
                }
            }
            for promise in &facts.promises {
                let mut summary = promise.summary.clone();
                self.judge_throw_calls(file, &mut summary);
                // A promise kept only for calls that may throw in its callbacks, none of
                // which does.
                if summary.calls == Calls::All {
                    continue;
                }
                graph.promises.push(PromiseSite {
                    file,
                    span: promise.span,
                    summary,
                    reject_name: promise.reject_name.clone(),
                });
            }
            for connect in &facts.connects {
                for value in self.socket(file, &connect.socket, 0) {
                    if value.kind == Kind::ClientSocket {
                        graph.connects.push(ConnectSite {
                            file,
                            app: 0,
                            span: connect.span,
                            ns: value.ns,
                        });
                    }
                }
            }
            for namespace in &facts.namespaces {
                for value in self.socket(file, &namespace.namespace, 0) {
                    if value.kind == Kind::Namespace {
                        graph.namespaces.push(NamespaceSite {
                            file,
                            app: 0,
                            span: namespace.span,
                            ns: value.ns,
                        });
                    }
                }
            }
        }
        for call in &wrapped.emits {
            self.push_emit_sites(&mut graph, call.wrapper_file, &call.emit, Some(&call.place));
        }
        for call in &wrapped.handlers {
            self.push_handler_sites(
                &mut graph,
                call.wrapper_file,
                &call.handler,
                Some(&call.place),
            );
        }
        let (presence, unparsed) = self.partition(&mut graph);
        // Files are in path order already, so (file, span) sorts like (path, span).
        graph
            .emits
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph
            .handlers
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph
            .connects
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph
            .namespaces
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph
            .middlewares
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph
            .removals
            .sort_by(|a, b| (a.file, a.span, &a.ns).cmp(&(b.file, b.span, &b.ns)));
        graph.promises.sort_by_key(|p| (p.file, p.span));
        let mut unseen_peers = self.unseen_peers();
        for peer in &mut unseen_peers {
            peer.app = graph.apps.of(peer.file);
        }
        graph.index = GraphIndex::build(&graph, presence, unparsed, unseen_peers);
        graph.imports = std::mem::take(&mut self.imports);
        for targets in &mut graph.imports {
            targets.sort_unstable();
            targets.dedup();
        }
        graph
    }

    /// Sockets handed to a constructor no project file defines (`new SocketIOAdapter(socket)`
    /// with the adapter in a vendored script): their file, side and namespace.
    fn unseen_peers(&self) -> Vec<UnseenPeer> {
        let mut unseen = Vec::new();
        for (file, source) in self.files.iter().enumerate() {
            for handed in &source.facts.handed_to_constructors {
                let Callee::Named(name) = &handed.call.callee else {
                    continue;
                };
                if self.functions_by_name.contains_key(name.as_str()) {
                    continue;
                }
                for (_, socket) in &handed.call.args {
                    for value in self.socket(file, socket, 0) {
                        let side = match value.kind {
                            Kind::ClientSocket => Side::Client,
                            Kind::ServerSocket => Side::Server,
                            _ => continue,
                        };
                        unseen.push(UnseenPeer {
                            file,
                            span: handed.span,
                            constructor: name.clone(),
                            // Set once the apps are known.
                            app: 0,
                            side,
                            ns: value.ns,
                        });
                    }
                }
            }
        }
        unseen.sort_by(|a, b| {
            (a.file, a.span.start, a.side, &a.ns).cmp(&(b.file, b.span.start, b.side, &b.ns))
        });
        unseen.dedup_by(|a, b| (a.file, a.span, a.side, &a.ns) == (b.file, b.span, b.side, &b.ns));
        unseen
    }

    /// The sites of one emit written in `file` (or, with `place`, of a call of the
    /// wrapper in `file` that holds it), one per socket value its receiver may be.
    fn push_emit_sites(
        &self,
        graph: &mut EventGraph,
        file: FileId,
        emit: &Emit,
        place: Option<&CallPlace>,
    ) {
        // A wrapper's call is a site in the caller's file, with the name it passes;
        // the socket is the wrapper's.
        let site_file = place.map_or(file, |place| place.file);
        let name_file = place.map_or(file, |place| place.name_file);
        let event = self.event(name_file, &emit.name);
        if event == Event::Dynamic {
            self.note_unfound_name(graph, site_file, name_file, emit.name_span, &emit.name);
        }
        let name_def = self.definition(name_file, &emit.name, 0);
        let target = self.target(file, &emit.target);
        for value in self.socket(file, &emit.receiver, 0) {
            for (side, confident) in self.sides_of(file, &value) {
                let broadcast = side == Side::Server
                    && (value.kind != Kind::ServerSocket || value.excludes_sender);
                graph.emits.push(EmitSite {
                    file: site_file,
                    app: 0,
                    transport: emit.transport,
                    span: Span::new(emit.span.start, emit.name_span.end.max(emit.span.start)),
                    name_span: emit.name_span,
                    name_is_literal: emit.name_is_literal,
                    name_def,
                    side,
                    ns: value.ns.clone(),
                    event: event.clone(),
                    method: emit.method,
                    args: emit.args,
                    ack: emit.ack_callback || emit.method == EmitMethod::EmitWithAck,
                    ack_known: emit.ack_known,
                    timeout: value.timeout,
                    retried: value.retries,
                    broadcast,
                    excludes_sender: value.excludes_sender,
                    awaited: emit.awaited,
                    io_in_scope: emit.io_in_scope.as_ref().is_some_and(|io| {
                        self.socket(file, io, 0).iter().any(|v| {
                            matches!(v.kind, Kind::Server | Kind::Namespace)
                                && v.ns == value.ns
                                && !v.rooms
                        })
                    }),
                    confident,
                    dropped: emit.dropped,
                    payload_keys: emit.payload_keys.clone(),
                    via: place.map(|place| (place.via_file, place.via)),
                    target: target.clone(),
                });
            }
        }
    }

    /// Notes a dynamic name written in the site's own file that is an import of a
    /// module no checked file is (see `EventGraph::unfound_names`).
    fn note_unfound_name(
        &self,
        graph: &mut EventGraph,
        site_file: FileId,
        name_file: FileId,
        name_span: Span,
        name: &Value,
    ) {
        if site_file == name_file
            && let Some(specifier) = self.unfound_module(name_file, name)
        {
            graph
                .unfound_names
                .insert((site_file, name_span.start), specifier.to_owned());
        }
    }

    /// The sites of one listener registration, like `push_emit_sites`.
    fn push_handler_sites(
        &self,
        graph: &mut EventGraph,
        file: FileId,
        handler: &Handler,
        place: Option<&CallPlace>,
    ) {
        let site_file = place.map_or(file, |place| place.file);
        let name_file = place.map_or(file, |place| place.name_file);
        // The listener of a wrapper's call is the call's argument, in the caller's file.
        let listener_file = site_file;
        let event = match handler.method {
            ListenMethod::Any => Event::Dynamic,
            _ => self.event(name_file, &handler.name),
        };
        if event == Event::Dynamic && handler.method != ListenMethod::Any {
            self.note_unfound_name(
                graph,
                site_file,
                name_file,
                handler.name_span,
                &handler.name,
            );
        }
        let name_def = self.definition(name_file, &handler.name, 0);
        // A listener named here but defined in another file brings its own
        // signature.
        let elsewhere = match (&handler.params, &handler.listener_elsewhere) {
            (None, Some(callee)) => self.listener_signature(file, callee),
            _ => None,
        };
        let (ack_file, params, handler_ack, data_type) = match elsewhere {
            Some((defining, signature)) => (
                defining,
                Some(signature.params.clone()),
                signature.ack.as_ref(),
                signature.data_type.clone(),
            ),
            None => (
                listener_file,
                handler.params.clone(),
                handler.ack.as_ref(),
                handler.data_type.clone(),
            ),
        };
        let ack = handler_ack.map(|ack| {
            Ack {
                summary: self.judged(ack_file, &ack.summary),
                ..ack.clone()
            }
            .through_nest(self.nest_globals.0, self.nest_globals.1)
        });
        let context = self.context(file, handler.context.as_ref());
        let target = self.target(file, &handler.target);
        for value in self.socket(file, &handler.receiver, 0) {
            // `io.on(...)` / `nsp.on(...)` listen for connections and for
            // server-side emits of other nodes, not for client events.
            if !matches!(
                value.kind,
                Kind::ClientSocket | Kind::ServerSocket | Kind::Guess
            ) {
                continue;
            }
            for (side, confident) in self.sides_of(file, &value) {
                graph.handlers.push(HandlerSite {
                    file: site_file,
                    app: 0,
                    transport: handler.transport,
                    span: Span::new(
                        handler.span.start,
                        handler.name_span.end.max(handler.span.start),
                    ),
                    name_span: handler.name_span,
                    name_is_literal: handler.name_is_literal,
                    name_def,
                    side,
                    ns: value.ns.clone(),
                    event: event.clone(),
                    method: handler.method,
                    ack_file,
                    params: params.clone(),
                    logging_only: handler.logging_only,
                    ack: ack.clone(),
                    after_await: handler.after_await,
                    matches_own_id: handler.matches_own_id,
                    shape: handler.shape.clone(),
                    listener_name: handler.listener_name.clone(),
                    frame: handler.frame,
                    context: context.clone(),
                    confident,
                    conditional: handler.conditional,
                    data_type: data_type.clone(),
                    via: place.map(|place| (place.via_file, place.via)),
                    target: target.clone(),
                });
            }
        }
    }

    /// Partitions the files with sites into apps (see `apps`), gives every site its
    /// app, and records per app which sides it has and what files that did not parse
    /// may say.
    fn partition(&self, graph: &mut EventGraph) -> (AppPresence, AppStrings) {
        // A site counts for its file's side when it is certain, or guessed in a file
        // whose side is known; a guess in a file of unknown side says nothing.
        let mut sides = vec![FileSides::default(); self.files.len()];
        let mut mark = |file: FileId, side: Side, confident: bool| {
            sides[file].sites = true;
            if confident || self.sides[file] == Some(side) {
                match side {
                    Side::Client => sides[file].client = true,
                    Side::Server => sides[file].server = true,
                }
            }
        };
        for emit in &graph.emits {
            mark(emit.file, emit.side, emit.confident);
        }
        for handler in &graph.handlers {
            mark(handler.file, handler.side, handler.confident);
        }
        for connect in &graph.connects {
            mark(connect.file, Side::Client, true);
        }
        for namespace in &graph.namespaces {
            mark(namespace.file, Side::Server, true);
        }
        for middleware in &graph.middlewares {
            mark(middleware.file, Side::Server, true);
        }
        for removal in &graph.removals {
            mark(removal.file, removal.side, true);
        }
        let paths: Vec<&std::path::Path> = self.files.iter().map(|f| f.path.as_path()).collect();
        let evidence = self.app_evidence(graph, &sides);
        graph.apps = crate::apps::partition(&paths, &sides, &evidence, self.settings);

        let apps = &graph.apps;
        for emit in &mut graph.emits {
            emit.app = apps.of(emit.file);
        }
        for handler in &mut graph.handlers {
            handler.app = apps.of(handler.file);
        }
        for connect in &mut graph.connects {
            connect.app = apps.of(connect.file);
        }
        for namespace in &mut graph.namespaces {
            namespace.app = apps.of(namespace.file);
        }
        for middleware in &mut graph.middlewares {
            middleware.app = apps.of(middleware.file);
        }
        for removal in &mut graph.removals {
            removal.app = apps.of(removal.file);
        }

        let mut presence: AppPresence = HashMap::default();
        let mut raise = |app: AppId, transport: Transport, side: Side, level: Presence| {
            let entry = presence.entry((app, transport)).or_default();
            let slot = match side {
                Side::Client => &mut entry.0,
                Side::Server => &mut entry.1,
            };
            *slot = (*slot).max(level);
        };
        let level = |file: FileId, side: Side, confident: bool| {
            if confident {
                Presence::Certain
            } else if self.sides[file] == Some(side) {
                Presence::Guessed
            } else {
                Presence::Absent
            }
        };
        for emit in &graph.emits {
            raise(
                emit.app,
                emit.transport,
                emit.side,
                level(emit.file, emit.side, emit.confident),
            );
        }
        for handler in &graph.handlers {
            raise(
                handler.app,
                handler.transport,
                handler.side,
                level(handler.file, handler.side, handler.confident),
            );
        }
        for connect in &graph.connects {
            // Connections and namespaces are Socket.IO's.
            raise(
                connect.app,
                Transport::SocketIo,
                Side::Client,
                Presence::Certain,
            );
        }
        for namespace in &graph.namespaces {
            raise(
                namespace.app,
                Transport::SocketIo,
                Side::Server,
                Presence::Certain,
            );
        }

        // A file that did not parse may belong to the app whose directory is nearest
        // above it.
        let mut unparsed: AppStrings = HashMap::default();
        for source in self.files {
            if source.facts.loose_strings.is_empty() {
                continue;
            }
            for &app in graph.apps.nearest(&source.path) {
                unparsed
                    .entry(app)
                    .or_default()
                    .extend(source.facts.loose_strings.iter().cloned());
            }
        }
        (presence, unparsed)
    }

    /// Pairs of files that explicit evidence puts in one app: one imports the other,
    /// their sites take an event name from one definition (a shared events module),
    /// or they are Rust files of one crate.
    fn app_evidence(&self, graph: &EventGraph, sides: &[FileSides]) -> Vec<(FileId, FileId)> {
        let mut evidence = Vec::new();
        for file in 0..self.files.len() {
            if !sides[file].any() {
                continue;
            }
            for &target in &self.imports[file] {
                if sides[target].any() {
                    evidence.push((file, target));
                }
            }
        }
        // Sites naming one definition: joined through the first of them.
        let mut first_user: HashMap<FileId, FileId> = HashMap::default();
        let definitions = graph
            .emits
            .iter()
            .map(|e| (e.file, e.name_def, e.name_is_literal))
            .chain(
                graph
                    .handlers
                    .iter()
                    .map(|h| (h.file, h.name_def, h.name_is_literal)),
            );
        for (file, definition, literal) in definitions {
            let Some((defining, _)) = definition else {
                continue;
            };
            if literal || defining == file {
                continue;
            }
            let first = *first_user.entry(defining).or_insert(file);
            evidence.push((first, file));
        }
        let mut first_in_crate: HashMap<&std::path::Path, FileId> = HashMap::default();
        for (file, source) in self.files.iter().enumerate() {
            if !sides[file].any() || !is_rust(&source.path) {
                continue;
            }
            let first = *first_in_crate
                .entry(crate_root(&source.path))
                .or_insert(file);
            evidence.push((first, file));
        }
        evidence
    }

    /// The handler signature of a listener registered by name from another file
    /// (`handlers::on_message`), when exactly one fn item of that name has one.
    fn listener_signature(
        &self,
        file: FileId,
        callee: &Callee,
    ) -> Option<(FileId, &'a crate::facts::HandlerSignature)> {
        let targets = match callee {
            Callee::Named(path) => {
                self.named_functions(file, path.rsplit("::").next().unwrap_or(path))
            }
            callee => self.callees(file, callee),
        };
        let mut found = targets.into_iter().filter_map(|(target, id)| {
            let signature = self.files[target]
                .facts
                .functions
                .get(id as usize)?
                .handler
                .as_deref()?;
            Some((target, signature))
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// A summary whose hand-offs to helpers in other files are replaced by what those
    /// helpers do with the parameter.
    fn judged(&self, file: FileId, summary: &Summary) -> Summary {
        let mut judged = summary.clone();
        for delegation in &summary.delegations {
            let targets = self.callees(file, &delegation.callee);
            if targets.is_empty() {
                continue;
            }
            let answers: Vec<Calls> = targets
                .iter()
                .map(|&(target, id)| match self.call_effects(target, id) {
                    // No such function: nothing calls the parameter.
                    None => Calls::Never,
                    Some(None) => Calls::Unknown,
                    Some(Some(effects)) => effects
                        .param_calls
                        .iter()
                        .find(|(i, _)| *i == delegation.index)
                        .map_or(Calls::Never, |(_, calls)| *calls),
                })
                .collect();
            let worst = if answers.contains(&Calls::Never) {
                Calls::Never
            } else if answers.contains(&Calls::Some) && !delegation.result_used {
                Calls::Some
            } else {
                continue;
            };
            let only_call = summary.call_spans.len() == 1;
            judged.calls = match (worst, only_call, judged.calls) {
                (Calls::Never, true, Calls::All | Calls::Some) if judged.missing.is_empty() => {
                    Calls::Never
                }
                (_, _, Calls::All) => Calls::Some,
                (_, _, calls) => calls,
            };
            if judged.calls == Calls::Some {
                judged.missing.push(Missing {
                    span: delegation.span,
                    kind: MissingKind::Delegated,
                });
            }
        }
        self.judge_throw_calls(file, &mut judged);
        judged
    }

    /// The calls made before the target that may throw (see `Summary::throw_calls`):
    /// each is a path that leaves without the call.
    fn judge_throw_calls(&self, file: FileId, summary: &mut Summary) {
        if !matches!(summary.calls, Calls::All | Calls::Some) {
            return;
        }
        for call in &summary.throw_calls {
            if self.may_throw(file, &call.callee, 0) {
                summary.calls = Calls::Some;
                summary.missing.push(Missing {
                    span: call.span,
                    kind: MissingKind::Throw,
                });
            }
        }
        summary.missing.sort_by_key(|m| (m.span, m.kind));
        summary.missing.dedup();
    }

    /// Whether a call of `callee` (from `file`) may throw synchronously: its body
    /// throws, or it calls a project function that may, up to `MAX_THROW_DEPTH` calls
    /// down. A callee that resolves to several functions may throw only if each does.
    fn may_throw(&self, file: FileId, callee: &Callee, depth: u32) -> bool {
        /// Deep enough for `handler → requireSession → assertToken`; recursion stops here.
        const MAX_THROW_DEPTH: u32 = 3;
        if depth > MAX_THROW_DEPTH {
            return false;
        }
        let targets = self.callees(file, callee);
        !targets.is_empty()
            && targets.iter().all(|&(target, id)| {
                self.files[target]
                    .facts
                    .functions
                    .get(id as usize)
                    .is_some_and(|function| {
                        function.throws.itself
                            || (function.throws.via.iter())
                                .any(|inner| self.may_throw(target, inner, depth + 1))
                    })
            })
    }

    /// What a call of function `id` of `file` does: `None` when there is no such
    /// function, `Some(None)` when that cannot be known. Effects the front-end deferred
    /// are asked for once per file, the first time one of its functions is judged.
    fn call_effects(&self, file: FileId, id: FuncId) -> Option<Option<CallEffects>> {
        let function = self.files[file].facts.functions.get(id as usize)?;
        if let Some(effects) = &function.effects {
            return Some(Some(effects.clone()));
        }
        let mut asked = self.asked_effects.borrow_mut();
        let effects = asked
            .entry(file)
            .or_insert_with(|| (self.ask_effects)(file));
        Some(
            effects
                .as_ref()
                .and_then(|effects| effects.get(id as usize)?.clone()),
        )
    }

    fn context(&self, file: FileId, context: Option<&ListenContext>) -> Option<Context> {
        Some(match context? {
            ListenContext::Effect {
                cleanup,
                span,
                mount_hook,
            } => Context::Effect {
                cleanup: *cleanup,
                span: *span,
                mount_hook: *mount_hook,
            },
            ListenContext::Listener {
                event,
                span,
                receiver,
            } => {
                // `io.on("connect", socket => ...)` is the connection listener: listeners
                // registered in it are registered once per socket, as they should be.
                let on_server = self
                    .socket(file, receiver, 0)
                    .iter()
                    .any(|value| matches!(value.kind, Kind::Server | Kind::Namespace));
                if on_server {
                    return None;
                }
                Context::Listener {
                    event: self.event(file, event),
                    span: *span,
                }
            }
        })
    }

    /// The sides a resolved value puts a site on, and whether that is certain. A guessed
    /// socket in a file of unknown side may be either end.
    fn sides_of(&self, file: FileId, value: &SocketValue) -> Vec<(Side, bool)> {
        match value.kind {
            Kind::ClientSocket => vec![(Side::Client, true)],
            Kind::Server | Kind::Namespace | Kind::ServerSocket => vec![(Side::Server, true)],
            Kind::Guess => match self.sides[file] {
                Some(side) => vec![(side, false)],
                None => vec![(Side::Client, false), (Side::Server, false)],
            },
            Kind::Manager => Vec::new(),
        }
    }

    /// Where each `<Context.Provider value={socket}>` of the project puts its socket.
    fn provided_contexts(&self) -> HashMap<(FileId, &'a str), Vec<(FileId, &'a SocketRef)>> {
        let files: &'a [SourceFile] = self.files;
        let mut contexts: HashMap<(FileId, &'a str), Vec<(FileId, &'a SocketRef)>> =
            HashMap::default();
        for (file, source) in files.iter().enumerate() {
            for provided in &source.facts.contexts {
                let key = match &provided.context {
                    crate::facts::ContextRef::Local(name) => Some((file, name.as_str())),
                    crate::facts::ContextRef::Import { specifier, name } => self
                        .resolver
                        .resolve(file, specifier)
                        .map(|target| (target, name.as_str())),
                };
                if let Some(key) = key {
                    contexts
                        .entry(key)
                        .or_default()
                        .push((file, &provided.socket));
                }
            }
        }
        contexts
    }

    /// The project files each file imports.
    fn resolved_imports(&self) -> Vec<Vec<FileId>> {
        self.files
            .iter()
            .enumerate()
            .map(|(file, source)| {
                source
                    .facts
                    .imports
                    .iter()
                    .filter_map(|spec| self.resolver.resolve(file, spec))
                    .collect()
            })
            .collect()
    }

    /// A file's side from its imports, then from the files it imports, then from the
    /// configuration's path globs (and again from the files it imports).
    fn file_sides(&self) -> Vec<Option<Side>> {
        let mut sides: Vec<Option<Side>> = self.files.iter().map(|f| f.facts.side).collect();
        let mut globs_applied = false;
        let imports = &self.imports;
        loop {
            let mut changed = false;
            for file in 0..sides.len() {
                if sides[file].is_some() {
                    continue;
                }
                let mut found = imports[file].iter().filter_map(|&i| sides[i]);
                if let Some(side) = found.next()
                    && found.all(|other| other == side)
                {
                    sides[file] = Some(side);
                    changed = true;
                }
            }
            if !changed {
                if globs_applied {
                    return sides;
                }
                globs_applied = true;
                for (file, side) in sides.iter_mut().enumerate() {
                    if side.is_none() {
                        *side = self.settings.side_of_path(&self.files[file].path);
                    }
                }
            }
        }
    }
}
