//! Linking: resolve names and sockets across files and build the event graph.
//!
//! Runs on one thread after extraction. Every cross-file reference in the facts (an
//! imported constant, a socket exported by a module, a function called with a socket)
//! is resolved here, so rules see only concrete sites.

use std::cell::RefCell;
use std::collections::BTreeSet;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::apps::{AppId, Apps, FileSides};
use crate::facts::{
    Ack, CallEffects, Callee, Calls, Emit, EmitMethod, ExportValue, FileFacts, FnShape, FuncId,
    Handler, ListenContext, ListenMethod, Missing, MissingKind, NsExpr, Op, Origin, Params,
    RUST_CONST, Side, SocketRef, Span, Summary, TypedSocket, Value,
};
use crate::link_settings::LinkSettings;
use crate::resolve::Resolver;

/// Defined below the graph, for the diagnostics that name them.
pub use crate::ids::{FileId, Ns};

mod maps;
mod wrappers;
use wrappers::CallPlace;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    Name(String),
    /// Not resolvable statically: may be any event.
    Dynamic,
}

impl Event {
    pub fn name(&self) -> Option<&str> {
        match self {
            Event::Name(name) => Some(name),
            Event::Dynamic => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    ClientSocket,
    Manager,
    Server,
    Namespace,
    ServerSocket,
    /// Looks like a socket; its side is the file's.
    Guess,
}

/// A socket-like value after resolution.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct SocketValue {
    kind: Kind,
    ns: Ns,
    timeout: bool,
    /// A client created with `retries`: see [`EmitSite::retried`].
    retries: bool,
    /// `socket.broadcast` / `socket.to(room)`: everyone but the sender.
    excludes_sender: bool,
    rooms: bool,
}

impl SocketValue {
    fn new(kind: Kind, ns: Ns) -> SocketValue {
        SocketValue {
            kind,
            ns,
            timeout: false,
            retries: false,
            excludes_sender: false,
            rooms: false,
        }
    }
}

#[derive(Clone, Debug)]
pub struct EmitSite {
    pub file: FileId,
    /// The app the file belongs to: the emit pairs only with handlers of that app.
    pub app: AppId,
    /// The call from its start to the end of the event name: `socket.emit("x"`.
    pub span: Span,
    pub name_span: Span,
    pub name_is_literal: bool,
    /// The string literal that defines the name when it comes from a constant (maybe
    /// in another file): what a rename edits.
    pub name_def: Option<(FileId, Span)>,
    pub side: Side,
    pub ns: Ns,
    pub event: Event,
    pub method: EmitMethod,
    pub args: Option<u32>,
    /// The emitter waits for an ack (callback or `emitWithAck`).
    pub ack: bool,
    /// Whether `ack == false` is certain (a trailing parameter passed along may be one).
    pub ack_known: bool,
    pub timeout: bool,
    /// Sent by a client created with `retries`, which adds an ack of its own to every
    /// emit: the packet asks for an ack even when `ack` is false (no callback), so a
    /// handler calling its ack does not throw. Nobody waits on that ack, though.
    pub retried: bool,
    /// A server emit to many clients (`io.emit`, `to(room)`, `broadcast`).
    pub broadcast: bool,
    pub excludes_sender: bool,
    /// The caller waits on the ack (`await emitWithAck`, a promise resolved in the ack).
    pub awaited: bool,
    /// `io` is the server (or this namespace) where the emit is written.
    pub io_in_scope: bool,
    /// False for receivers that only look like sockets: such sites keep findings quiet
    /// but never cause one.
    pub confident: bool,
    /// See `facts::Emit::dropped`.
    pub dropped: bool,
    pub payload_keys: Option<Vec<String>>,
    /// For the call of a wrapper: the wrapped emit inside it (see `graph/wrappers.rs`).
    pub via: Option<(FileId, Span)>,
}

#[derive(Clone, Debug)]
pub struct HandlerSite {
    pub file: FileId,
    pub app: AppId,
    /// The file the ack's spans are in: the registration's, or the file that defines a
    /// listener registered from elsewhere.
    pub ack_file: FileId,
    pub span: Span,
    pub name_span: Span,
    pub name_is_literal: bool,
    pub name_def: Option<(FileId, Span)>,
    pub side: Side,
    pub ns: Ns,
    pub event: Event,
    pub method: ListenMethod,
    pub params: Option<Params>,
    pub logging_only: bool,
    pub ack: Option<Ack>,
    pub after_await: Option<Span>,
    pub matches_own_id: bool,
    pub context: Option<Context>,
    pub shape: Option<FnShape>,
    pub listener_name: Option<String>,
    pub frame: Option<FuncId>,
    pub confident: bool,
    pub conditional: bool,
    pub data_type: Option<String>,
    /// For the call of a wrapper: the wrapped registration inside it.
    pub via: Option<(FileId, Span)>,
}

/// Where a listener registration runs (see `facts::ListenContext`), resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Context {
    Effect { cleanup: bool, span: Span },
    Listener { event: Event, span: Span },
}

impl HandlerSite {
    /// Payload parameters the listener declares before its ack.
    pub fn payload_params(&self) -> Option<u32> {
        let params = self.params.as_ref()?;
        if params.rest {
            return None;
        }
        Some(match &self.ack {
            Some(ack) => ack.index,
            None => params.count,
        })
    }
}

#[derive(Clone, Debug)]
pub struct MiddlewareSite {
    pub file: FileId,
    pub app: AppId,
    pub span: Span,
    pub ns: Ns,
    /// `socket.use`: runs for every incoming packet, not once per connection.
    pub per_packet: bool,
    pub next: Option<Summary>,
    pub next_name: String,
    pub shape: Option<FnShape>,
}

#[derive(Clone, Debug)]
pub struct RemovalSite {
    pub file: FileId,
    pub app: AppId,
    pub span: Span,
    pub side: Side,
    pub ns: Ns,
    /// `None` for `off()` / `removeAllListeners()` without an event.
    pub event: Option<Event>,
    pub has_listener: bool,
    pub remove_all: bool,
    pub frames: Vec<FuncId>,
}

#[derive(Clone, Debug)]
pub struct PromiseSite {
    pub file: FileId,
    pub span: Span,
    pub summary: Summary,
    pub reject_name: Option<String>,
}

impl HandlerSite {
    /// Receives every event (a dynamic name or a catch-all that does more than log).
    pub fn is_wildcard(&self) -> bool {
        match self.method {
            ListenMethod::Any => !self.logging_only,
            _ => self.event == Event::Dynamic,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ConnectSite {
    pub file: FileId,
    pub app: AppId,
    pub span: Span,
    pub ns: Ns,
}

#[derive(Clone, Debug)]
pub struct NamespaceSite {
    pub file: FileId,
    pub app: AppId,
    pub span: Span,
    pub ns: Ns,
}

/// One file as the rest of the pipeline sees it.
#[derive(Debug)]
pub struct SourceFile {
    pub path: std::path::PathBuf,
    pub facts: FileFacts,
    /// Size of the text read, for throughput figures.
    pub bytes: u64,
    /// Kept only for files that diagnostics can point into (they have sites or did not
    /// parse); the rest are dropped after extraction.
    pub text: Option<std::sync::Arc<str>>,
    /// Built the first time a line number is asked for.
    pub lines: std::sync::OnceLock<crate::source::LineIndex>,
    /// The major version of the Socket.IO client the file's package depends on (its
    /// nearest `package.json`), when it says.
    pub socketio_major: Option<u32>,
}

impl SourceFile {
    /// The 1-based line of a byte offset (1 when the text was not kept).
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.text.as_deref() {
            Some(text) => {
                let index = self
                    .lines
                    .get_or_init(|| crate::source::LineIndex::new(text));
                index.position(text, offset).0
            }
            None => 1,
        }
    }
}

#[derive(Debug, Default)]
pub struct EventGraph {
    pub emits: Vec<EmitSite>,
    pub handlers: Vec<HandlerSite>,
    pub connects: Vec<ConnectSite>,
    pub namespaces: Vec<NamespaceSite>,
    pub middlewares: Vec<MiddlewareSite>,
    pub removals: Vec<RemovalSite>,
    pub promises: Vec<PromiseSite>,
    /// The files with sites, partitioned into apps: sites pair only within one.
    pub apps: Apps,
    /// The project files each file imports, sorted.
    pub imports: Vec<Vec<FileId>>,
    pub index: GraphIndex,
}

/// How much of one side an app has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Presence {
    #[default]
    Absent,
    /// Only sites on receivers that look like sockets (in files whose side is known):
    /// enough to doubt, not to judge.
    Guessed,
    Certain,
}

/// A socket handed to a constructor no project file defines (`new SocketIOAdapter(socket)`,
/// the adapter in a vendored script or a package): that code may listen for and emit any
/// event on the socket's side of its app and namespace.
#[derive(Clone, Debug)]
pub struct UnseenPeer {
    pub file: FileId,
    /// The constructor's name in `new X(socket)`.
    pub span: Span,
    pub constructor: String,
    pub app: AppId,
    pub side: Side,
    pub ns: Ns,
}

/// Lookups by app and event name, so that matching stays linear in the number of sites.
#[derive(Debug, Default)]
pub struct GraphIndex {
    handlers_of_app: HashMap<AppId, Vec<usize>>,
    emits_of_app: HashMap<AppId, Vec<usize>>,
    handlers_by_name: HashMap<(AppId, Side, String), Vec<usize>>,
    emits_by_name: HashMap<(AppId, Side, String), Vec<usize>>,
    /// Handlers that may receive any event of their app: catch-alls and dynamic names.
    wildcard_handlers: HashMap<AppId, Vec<usize>>,
    /// Handlers the analysis cannot see into: wildcards and guessed receivers.
    opaque_handlers: HashMap<AppId, Vec<usize>>,
    dynamic_emits: HashMap<AppId, Vec<usize>>,
    connect_namespaces: HashSet<(AppId, Ns)>,
    apps_with_connects: HashSet<AppId>,
    server_namespaces: HashSet<(AppId, Ns)>,
    presence: AppPresence,
    /// Strings found in files that did not parse, per app they may belong to: names
    /// those files may use.
    unparsed_strings: AppStrings,
    /// Sockets handed to code outside the project (see `FileFacts::handed_to_constructors`):
    /// on that side of that app and namespace, any event may be listened for or emitted.
    unseen_peers: Vec<UnseenPeer>,
}

impl GraphIndex {
    fn build(graph: &EventGraph) -> GraphIndex {
        let mut index = GraphIndex::default();
        for (i, handler) in graph.handlers.iter().enumerate() {
            let app = handler.app;
            index.handlers_of_app.entry(app).or_default().push(i);
            if let Some(name) = handler.event.name() {
                index
                    .handlers_by_name
                    .entry((app, handler.side, name.to_owned()))
                    .or_default()
                    .push(i);
            }
            if handler.is_wildcard() {
                index.wildcard_handlers.entry(app).or_default().push(i);
            }
            if handler.is_wildcard() || !handler.confident {
                index.opaque_handlers.entry(app).or_default().push(i);
            }
        }
        for (i, emit) in graph.emits.iter().enumerate() {
            index.emits_of_app.entry(emit.app).or_default().push(i);
            match emit.event.name() {
                Some(name) => index
                    .emits_by_name
                    .entry((emit.app, emit.side, name.to_owned()))
                    .or_default()
                    .push(i),
                None => index.dynamic_emits.entry(emit.app).or_default().push(i),
            }
        }
        index.connect_namespaces = graph
            .connects
            .iter()
            .map(|c| (c.app, c.ns.clone()))
            .collect();
        index.apps_with_connects = graph.connects.iter().map(|c| c.app).collect();
        index.server_namespaces = graph
            .namespaces
            .iter()
            .map(|n| (n.app, n.ns.clone()))
            .collect();
        index
    }
}

impl EventGraph {
    /// Whether two files can hold one socket object between them: one is the other,
    /// one imports the other, or both import one project module (the module that
    /// creates the socket, usually). Two frontends of one app that each create their
    /// own socket share none.
    pub fn share_modules(&self, a: FileId, b: FileId) -> bool {
        let imports_of = |file: FileId| self.imports.get(file).map_or(&[][..], Vec::as_slice);
        let (of_a, of_b) = (imports_of(a), imports_of(b));
        a == b
            || of_a.binary_search(&b).is_ok()
            || of_b.binary_search(&a).is_ok()
            || of_a.iter().any(|target| of_b.binary_search(target).is_ok())
    }

    /// How many distinct events (by namespace and name) are emitted or handled.
    pub fn event_count(&self) -> usize {
        let emitted = self
            .emits
            .iter()
            .filter_map(|e| Some((e.app, e.ns.label(), e.event.name()?)));
        let handled = self
            .handlers
            .iter()
            .filter_map(|h| Some((h.app, h.ns.label(), h.event.name()?)));
        emitted
            .chain(handled)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    }

    /// The app of a file with sites.
    pub fn app_of(&self, file: FileId) -> AppId {
        self.apps.of(file)
    }

    /// Every handler of `app`.
    pub fn handlers_of(&self, app: AppId) -> impl Iterator<Item = &HandlerSite> {
        self.index
            .handlers_of_app
            .get(&app)
            .into_iter()
            .flatten()
            .map(|&i| &self.handlers[i])
    }

    /// Every emit of `app`.
    pub fn emits_of(&self, app: AppId) -> impl Iterator<Item = &EmitSite> {
        self.index
            .emits_of_app
            .get(&app)
            .into_iter()
            .flatten()
            .map(|&i| &self.emits[i])
    }

    /// Handlers on `side` of `app` for the event `name`.
    pub fn handlers_named<'g>(
        &'g self,
        app: AppId,
        side: Side,
        name: &str,
    ) -> impl Iterator<Item = &'g HandlerSite> {
        self.index
            .handlers_by_name
            .get(&(app, side, name.to_owned()))
            .into_iter()
            .flatten()
            .map(|&i| &self.handlers[i])
    }

    pub fn emits_named<'g>(
        &'g self,
        app: AppId,
        side: Side,
        name: &str,
    ) -> impl Iterator<Item = &'g EmitSite> {
        self.index
            .emits_by_name
            .get(&(app, side, name.to_owned()))
            .into_iter()
            .flatten()
            .map(|&i| &self.emits[i])
    }

    /// Handlers of the emit's app that receive it by name.
    pub fn receivers<'g>(&'g self, emit: &'g EmitSite) -> impl Iterator<Item = &'g HandlerSite> {
        emit.event
            .name()
            .into_iter()
            .flat_map(move |name| self.handlers_named(emit.app, emit.side.other(), name))
            .filter(move |h| h.ns.matches(&emit.ns))
    }

    /// Emits of the handler's app that reach it by name.
    pub fn senders<'g>(&'g self, handler: &'g HandlerSite) -> impl Iterator<Item = &'g EmitSite> {
        handler
            .event
            .name()
            .into_iter()
            .flat_map(move |name| self.emits_named(handler.app, handler.side.other(), name))
            .filter(move |e| e.ns.matches(&handler.ns))
    }

    fn unparsed(&self, app: AppId, event: &str) -> bool {
        self.index
            .unparsed_strings
            .get(&app)
            .is_some_and(|strings| strings.contains(event))
    }

    /// Whether anything in `app` could receive `event` on `side` in `ns`: a handler by
    /// name, a wildcard, or a file that did not parse.
    pub fn may_be_handled(&self, app: AppId, side: Side, ns: &Ns, event: &str) -> bool {
        self.unparsed(app, event)
            || self.unseen_peer(app, side, ns)
            || self
                .handlers_named(app, side, event)
                .any(|h| h.ns.matches(ns))
            || self.wildcards(app, side, ns).next().is_some()
    }

    /// The handlers of `app` on `side` in `ns` that may receive any event: catch-alls
    /// and dynamic names.
    pub fn wildcards<'g>(
        &'g self,
        app: AppId,
        side: Side,
        ns: &'g Ns,
    ) -> impl Iterator<Item = &'g HandlerSite> {
        self.index
            .wildcard_handlers
            .get(&app)
            .into_iter()
            .flatten()
            .map(|&i| &self.handlers[i])
            .filter(move |h| h.side == side && h.ns.matches(ns))
    }

    /// Whether a receiver on `side` of `app` in `ns` may take any event unseen: a
    /// catch-all, a dynamic name, a socket only guessed at.
    pub fn has_opaque_receiver(&self, app: AppId, side: Side, ns: &Ns) -> bool {
        self.index
            .opaque_handlers
            .get(&app)
            .into_iter()
            .flatten()
            .any(|&i| {
                let h = &self.handlers[i];
                h.side == side && h.ns.matches(ns)
            })
    }

    /// Whether a socket of `side` in `ns` was handed to code outside the project.
    fn unseen_peer(&self, app: AppId, side: Side, ns: &Ns) -> bool {
        self.index
            .unseen_peers
            .iter()
            .any(|peer| peer.app == app && peer.side == side && peer.ns.matches(ns))
    }

    /// The sockets handed to code outside the project, where they are handed over.
    pub fn unseen_peers(&self) -> &[UnseenPeer] {
        &self.index.unseen_peers
    }

    /// Whether anything in `app` could send `event` from `side` in `ns`.
    pub fn may_be_emitted(&self, app: AppId, side: Side, ns: &Ns, event: &str) -> bool {
        self.unparsed(app, event)
            || self.unseen_peer(app, side, ns)
            || self.emits_named(app, side, event).any(|e| e.ns.matches(ns))
            || self.dynamic_emitters(app, side, ns).next().is_some()
    }

    /// The emits of `app` from `side` in `ns` whose name is computed at runtime.
    pub fn dynamic_emitters<'g>(
        &'g self,
        app: AppId,
        side: Side,
        ns: &'g Ns,
    ) -> impl Iterator<Item = &'g EmitSite> {
        self.index
            .dynamic_emits
            .get(&app)
            .into_iter()
            .flatten()
            .map(|&i| &self.emits[i])
            .filter(move |e| e.side == side && e.ns.matches(ns))
    }

    /// How much of `side` the app has.
    pub fn presence(&self, app: AppId, side: Side) -> Presence {
        let (client, server) = self.index.presence.get(&app).copied().unwrap_or_default();
        match side {
            Side::Client => client,
            Side::Server => server,
        }
    }

    /// Whether the server side of `app` serves namespace `ns` (so its absence of
    /// handlers means something).
    pub fn server_serves(&self, app: AppId, ns: &Ns) -> bool {
        let server_present = self.presence(app, Side::Server) == Presence::Certain;
        match ns {
            Ns::Any => server_present,
            Ns::Static(name) => {
                (name == "/" && server_present)
                    || self.index.server_namespaces.contains(&(app, ns.clone()))
                    || self.index.server_namespaces.contains(&(app, Ns::Any))
            }
        }
    }

    /// Whether some client of `app` connects to `ns`.
    pub fn client_connects(&self, app: AppId, ns: &Ns) -> bool {
        match ns {
            Ns::Any => self.index.apps_with_connects.contains(&app),
            Ns::Static(_) => {
                self.index.connect_namespaces.contains(&(app, ns.clone()))
                    || self.index.connect_namespaces.contains(&(app, Ns::Any))
            }
        }
    }
}

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
    /// Functions by name that return a socket, for `this.$root.getSocket()`.
    getters: HashMap<String, Vec<(FileId, FuncId)>>,
    /// Every named function and method, by name.
    functions_by_name: HashMap<String, Vec<(FileId, FuncId)>>,
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
    /// (stable while linking). Cleared whenever parameter values change.
    memo: RefCell<HashMap<(FileId, usize), Vec<SocketValue>>>,
    /// Each file's path as numbers, one per component, made when first compared.
    path_components: RefCell<PathComponents<'a>>,
    ask_effects: AskEffects<'a>,
    /// The call effects asked for, by file: see [`Linker::call_effects`].
    asked_effects: RefCell<HashMap<FileId, Option<Vec<Option<CallEffects>>>>>,
}

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

/// Per app, how much of each side it has: (client, server).
type AppPresence = HashMap<AppId, (Presence, Presence)>;
/// Per app, the strings of the files that did not parse near it.
type AppStrings = HashMap<AppId, HashSet<String>>;

/// Deep enough for real re-export chains, small enough to stop cycles quickly.
const MAX_DEPTH: u32 = 24;

impl<'a> Linker<'a> {
    fn new(
        files: &'a [SourceFile],
        resolver: &'a Resolver,
        settings: &'a LinkSettings,
        ask_effects: AskEffects<'a>,
    ) -> Linker<'a> {
        let mut getters: HashMap<String, Vec<(FileId, FuncId)>> = HashMap::default();
        let mut functions_by_name: HashMap<String, Vec<(FileId, FuncId)>> = HashMap::default();
        for (file, source) in files.iter().enumerate() {
            for (id, function) in source.facts.functions.iter().enumerate() {
                let Some(name) = &function.name else {
                    continue;
                };
                let at = (file, id as FuncId);
                functions_by_name.entry(name.clone()).or_default().push(at);
                if function.returns.is_some() {
                    getters.entry(name.clone()).or_default().push(at);
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
            getters,
            functions_by_name,
            fields,
            sides: Vec::new(),
            imports: Vec::new(),
            uses_socketio: files.iter().any(|f| f.facts.uses_socketio),
            memo: RefCell::new(HashMap::default()),
            path_components: RefCell::default(),
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
        graph.index = GraphIndex::build(&graph);
        graph.index.presence = presence;
        graph.index.unparsed_strings = unparsed;
        graph.index.unseen_peers = self.unseen_peers();
        for peer in &mut graph.index.unseen_peers {
            peer.app = graph.apps.of(peer.file);
        }
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
                if self.functions_by_name.contains_key(name) {
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
        let name_def = self.definition(name_file, &emit.name, 0);
        for value in self.socket(file, &emit.receiver, 0) {
            for (side, confident) in self.sides_of(file, &value) {
                let broadcast = side == Side::Server
                    && (value.kind != Kind::ServerSocket || value.excludes_sender);
                graph.emits.push(EmitSite {
                    file: site_file,
                    app: 0,
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
                });
            }
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
        let mut raise = |app: AppId, side: Side, level: Presence| {
            let entry = presence.entry(app).or_default();
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
                emit.side,
                level(emit.file, emit.side, emit.confident),
            );
        }
        for handler in &graph.handlers {
            raise(
                handler.app,
                handler.side,
                level(handler.file, handler.side, handler.confident),
            );
        }
        for connect in &graph.connects {
            raise(connect.app, Side::Client, Presence::Certain);
        }
        for namespace in &graph.namespaces {
            raise(namespace.app, Side::Server, Presence::Certain);
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
                .as_ref()?;
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
                self.call_effects(target, id)
                    .flatten()
                    .is_some_and(|effects| {
                        effects.throws
                            || effects
                                .throws_via
                                .iter()
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
            ListenContext::Effect { cleanup, span } => Context::Effect {
                cleanup: *cleanup,
                span: *span,
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

    /// Fills function parameters from the calls that pass sockets, until nothing changes.
    ///
    /// A parameter that some call fills does not fall back to its declared type while
    /// the calls are still being followed: otherwise a caller met before its own
    /// parameter is filled would pass on "a socket of any namespace" for good. Once the
    /// calls settle, the parameters they left empty fall back to their type, and what
    /// that gives is passed on too.
    fn propagate_params(&mut self) {
        // Which functions a call reaches does not depend on what sockets flow into
        // parameters: callees are resolved once, for both phases, and only the socket
        // values per round.
        let calls: Vec<CallTargets<'a>> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(file, source)| source.facts.calls.iter().map(move |call| (file, call)))
            .filter_map(|(file, call)| {
                let targets = self.callees(file, &call.callee);
                (!targets.is_empty()).then_some((file, call, targets))
            })
            .collect();
        let prop_calls: Vec<PropTargets<'a>> = self
            .files
            .iter()
            .enumerate()
            .flat_map(|(file, source)| source.facts.prop_calls.iter().map(move |call| (file, call)))
            .filter_map(|(file, call)| {
                let targets = self.callees(file, &call.callee);
                (!targets.is_empty()).then_some((file, call, targets))
            })
            .collect();
        for (_, call, targets) in &calls {
            for &(target_file, func) in targets {
                for (index, _) in &call.args {
                    self.params.entry((target_file, func, *index)).or_default();
                }
            }
        }
        self.params_settled = false;
        self.propagate_rounds(&calls, &prop_calls);
        self.params_settled = true;
        self.propagate_rounds(&calls, &prop_calls);
    }

    fn propagate_rounds(&mut self, calls: &[CallTargets<'a>], prop_calls: &[PropTargets<'a>]) {
        for _round in 0..8 {
            self.memo.borrow_mut().clear();
            let mut changed = false;
            for (file, call, targets) in calls {
                for (index, arg) in &call.args {
                    let values = self.socket(*file, arg, 0);
                    for &(target_file, func) in targets {
                        let slot = self.params.entry((target_file, func, *index)).or_default();
                        for value in &values {
                            changed |= slot.insert(value.clone());
                        }
                    }
                }
            }
            for (file, call, targets) in prop_calls {
                for (name, prop) in &call.props {
                    let values = self.socket(*file, prop, 0);
                    for &(target_file, func) in targets {
                        let slot = self
                            .props
                            .entry((target_file, func, call.index, name.clone()))
                            .or_default();
                        for value in &values {
                            changed |= slot.insert(value.clone());
                        }
                    }
                }
            }
            if !changed {
                break;
            }
        }
        self.memo.borrow_mut().clear();
    }

    fn callees(&self, file: FileId, callee: &Callee) -> Vec<(FileId, FuncId)> {
        match callee {
            Callee::Local(id) => vec![(file, *id)],
            Callee::Import {
                specifier,
                name,
                path,
            } => match self.import(file, specifier, name, path, 0) {
                Some((target, ExportValue::Function(id))) => vec![(target, *id)],
                // `StatusPage.sendList(io, socket)`: a static method of an imported
                // class, found by its name.
                _ => match path.last() {
                    Some(method) => self.named_functions(file, method),
                    None => Vec::new(),
                },
            },
            Callee::Named(name) => self.named_functions(file, name),
        }
    }

    /// Project functions and methods called `name`; too many namesakes mean none is
    /// trusted. A Rust path (`admin::on_connect`) prefers the namesakes in a file of
    /// that module (`admin.rs`, `admin/mod.rs`).
    fn named_functions(&self, caller: FileId, name: &str) -> Vec<(FileId, FuncId)> {
        // Most names are plain (`save`): the substring searcher that `rsplit_once("::")`
        // sets up costs more than looking at the name's bytes for a `:` first.
        let path = if name.as_bytes().contains(&b':') {
            name.rsplit_once("::")
        } else {
            None
        };
        let (module, name) = match path {
            Some((path, name)) => (path.rsplit("::").next(), name),
            None => (None, name),
        };
        let nearest;
        let found = match self.functions_by_name.get(name) {
            Some(found) if found.len() <= 4 => found,
            // Many namesakes across the repository (`registerHandlers` in every example):
            // the caller's neighbours in the directory tree, when they are few, are the
            // ones it means; namesakes elsewhere must not make its own unresolvable.
            Some(found) => {
                nearest = self.nearest_holders(caller, found);
                if nearest.len() > 4 {
                    return Vec::new();
                }
                &nearest
            }
            None => return Vec::new(),
        };
        let Some(module) = module else {
            return found.clone();
        };
        let in_module: Vec<(FileId, FuncId)> = found
            .iter()
            .copied()
            .filter(|&(file, _)| {
                let path = &self.files[file].path;
                let stem = path.file_stem().and_then(|s| s.to_str());
                let dir = path
                    .parent()
                    .and_then(|p| p.file_name())
                    .and_then(|s| s.to_str());
                stem == Some(module) || (stem == Some("mod") && dir == Some(module))
            })
            .collect();
        if in_module.is_empty() {
            found.clone()
        } else {
            in_module
        }
    }

    /// The entries held by the files nearest `file` in the directory tree (sharing the
    /// longest leading run of path components with it).
    fn nearest_holders<T: Copy>(&self, file: FileId, holders: &[(FileId, T)]) -> Vec<(FileId, T)> {
        let mut components = self.path_components.borrow_mut();
        let reader = components.of(file, &self.files[file].path);
        let mut closeness = |holder: FileId| {
            let holder = components.of(holder, &self.files[holder].path);
            (reader.iter().zip(holder.iter()))
                .take_while(|(a, b)| a == b)
                .count()
        };
        let nearest = holders
            .iter()
            .map(|&(h, _)| closeness(h))
            .max()
            .unwrap_or(0);
        holders
            .iter()
            .copied()
            .filter(|&(holder, _)| closeness(holder) == nearest)
            .collect()
    }

    // ----- imports ------------------------------------------------------------------

    /// Follows an import to the export it names, through re-exports and `export *`.
    fn import(
        &self,
        file: FileId,
        specifier: &str,
        name: &str,
        path: &[String],
        depth: u32,
    ) -> Option<(FileId, &'a ExportValue)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let target = self.resolver.resolve(file, specifier)?;
        let (name, rest) = match name {
            "*" => (path.first()?.as_str(), &path[path.len().min(1)..]),
            _ => (name, path),
        };
        // `api.socket` of an exported object that holds a socket: the front-end exports
        // it as `api.socket`.
        if let Some(member) = rest.first()
            && let Some(found @ (_, ExportValue::Socket(_))) =
                self.export(target, &format!("{name}.{member}"), depth + 1)
        {
            return Some(found);
        }
        let found = self.export(target, name, depth + 1).or_else(|| {
            // CommonJS: `require("./x").a` reads export `a` when there is no default.
            if name == "default" {
                self.export(target, path.first()?, depth + 1)
            } else {
                None
            }
        })?;
        // A member path on a function or socket export is not followed.
        let _ = rest;
        Some(found)
    }

    fn export(&self, file: FileId, name: &str, depth: u32) -> Option<(FileId, &'a ExportValue)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let facts = &self.files[file].facts;
        if let Some((_, value)) = facts.exports.iter().rev().find(|(n, _)| n == name) {
            return match value {
                ExportValue::Reexport {
                    specifier,
                    name: inner,
                } => {
                    if inner == "*" {
                        // `export * as ns from`: the namespace itself is not a single value.
                        return None;
                    }
                    self.import(file, specifier, inner, &[], depth + 1)
                }
                value => Some((file, value)),
            };
        }
        if name == "default" {
            return None;
        }
        facts.star_exports.iter().find_map(|specifier| {
            let target = self.resolver.resolve(file, specifier)?;
            self.export(target, name, depth + 1)
        })
    }

    // ----- values -------------------------------------------------------------------

    fn event(&self, file: FileId, name: &Value) -> Event {
        match self.string(file, name, 0) {
            Some(name) => Event::Name(name),
            None => Event::Dynamic,
        }
    }

    fn string(&self, file: FileId, value: &Value, depth: u32) -> Option<String> {
        match self.value(file, value, depth) {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Resolves imports inside a value; the result holds no `Import`.
    fn value(&self, file: FileId, value: &Value, depth: u32) -> Value {
        if depth > MAX_DEPTH {
            return Value::Unknown;
        }
        match value {
            Value::Str(_) | Value::Unknown => value.clone(),
            Value::Literal { value, .. } => Value::Str(value.clone()),
            Value::Fallback(inner) => match self.value(file, inner, depth + 1) {
                Value::Unknown => Value::Unknown,
                inner => Value::Fallback(Box::new(inner)),
            },
            Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), self.value(file, v, depth + 1)))
                    .collect(),
            ),
            Value::Concat(parts) => {
                let mut out = String::new();
                for part in parts {
                    match self.value(file, part, depth + 1) {
                        Value::Str(s) => out.push_str(&s),
                        _ => return Value::Unknown,
                    }
                }
                Value::Str(out)
            }
            Value::Import {
                specifier, name, ..
            } if specifier == RUST_CONST => {
                let mut values = self
                    .rust_const(file, name)
                    .into_iter()
                    .map(|(target, inner)| self.value(target, inner, depth + 1));
                match values.next() {
                    Some(first) if values.all(|other| other == first) => first,
                    _ => Value::Unknown,
                }
            }
            Value::Import {
                specifier,
                name,
                path,
            } => {
                let (name, path) = match name.as_str() {
                    "*" => match path.split_first() {
                        Some((first, rest)) => (first.as_str(), rest),
                        None => return Value::Unknown,
                    },
                    name => (name, &path[..]),
                };
                let target = self.resolver.resolve(file, specifier);
                let found = target.and_then(|target| {
                    self.export(target, name, depth + 1)
                        .map(|found| (found, path))
                        .or_else(|| {
                            // CommonJS `require("./events").MESSAGE`.
                            let (first, rest) = path.split_first()?;
                            (name == "default")
                                .then(|| self.export(target, first, depth + 1))
                                .flatten()
                                .map(|found| (found, rest))
                        })
                });
                let Some(((target, ExportValue::Value(inner)), path)) = found else {
                    return Value::Unknown;
                };
                let mut resolved = self.value(target, inner, depth + 1);
                for key in path {
                    resolved = resolved.member(key);
                }
                resolved
            }
        }
    }

    /// Where the string a value resolves to is written, when it is one literal.
    fn definition(&self, file: FileId, value: &Value, depth: u32) -> Option<(FileId, Span)> {
        if depth > MAX_DEPTH {
            return None;
        }
        match value {
            Value::Literal { span, .. } => Some((file, *span)),
            Value::Import {
                specifier, name, ..
            } if specifier == RUST_CONST => match self.rust_const(file, name)[..] {
                [(target, inner)] => self.definition(target, inner, depth + 1),
                _ => None,
            },
            Value::Import {
                specifier,
                name,
                path,
            } => {
                let (name, path) = match name.as_str() {
                    "*" => {
                        let (first, rest) = path.split_first()?;
                        (first.as_str(), rest)
                    }
                    name => (name, &path[..]),
                };
                let target = self.resolver.resolve(file, specifier)?;
                let ((target, export), path) = match self.export(target, name, depth + 1) {
                    Some(found) => (found, path),
                    None => {
                        let (first, rest) = path.split_first()?;
                        (self.export(target, first, depth + 1)?, rest)
                    }
                };
                let ExportValue::Value(inner) = export else {
                    return None;
                };
                let mut inner = inner.clone();
                for key in path {
                    inner = inner.member(key);
                }
                self.definition(target, &inner, depth + 1)
            }
            _ => None,
        }
    }

    /// The Rust constants named `name` that a reference in `file` may mean: those of
    /// its own crate when it defines any, else those of the whole project (a shared
    /// `events` crate). Module paths are not resolved, so the callers require namesakes
    /// to agree on their value (or to be alone, for a rename).
    fn rust_const(&self, file: FileId, name: &str) -> Vec<(FileId, &'a Value)> {
        let Some(found) = self.rust_consts.get(name) else {
            return Vec::new();
        };
        let home = crate_root(&self.files[file].path);
        let local: Vec<(FileId, &Value)> = found
            .iter()
            .filter(|(f, _)| crate_root(&self.files[*f].path) == home)
            .copied()
            .collect();
        if local.is_empty() {
            found.clone()
        } else {
            local
        }
    }

    fn namespace(&self, file: FileId, ns: &NsExpr) -> Ns {
        match ns {
            NsExpr::Dynamic => Ns::Any,
            NsExpr::Name(value) => match self.string(file, value, 0) {
                Some(name) if name.starts_with('/') => Ns::Static(name),
                Some(name) => Ns::Static(format!("/{name}")),
                None => Ns::Any,
            },
            NsExpr::Url(value) => match self.value(file, value, 0) {
                Value::Str(url) => Ns::Static(namespace_of_url(&url)),
                Value::Fallback(inner) => match *inner {
                    Value::Str(url) => Ns::Static(namespace_of_url(&url)),
                    _ => Ns::Any,
                },
                _ => self.url_tail(file, value),
            },
        }
    }

    /// `${API_URL}/admin`: the origin is unknown but the path is not.
    fn url_tail(&self, file: FileId, value: &Value) -> Ns {
        let Value::Concat(parts) = value else {
            return Ns::Any;
        };
        let Some((first, rest)) = parts.split_first() else {
            return Ns::Any;
        };
        if self.string(file, first, 0).is_some() {
            return Ns::Any;
        }
        let tail = self.value(file, &Value::Concat(rest.to_vec()), 0);
        match tail {
            Value::Str(tail) if tail.starts_with('/') => Ns::Static(namespace_of_url(&tail)),
            Value::Str(tail) if tail.is_empty() => Ns::Static("/".to_owned()),
            _ => Ns::Any,
        }
    }

    // ----- sockets ------------------------------------------------------------------

    /// What a socket reference resolves to. Memoised per reference: getters that return
    /// getters would otherwise make this exponential, and a reference met again while
    /// it is being resolved (a cycle) resolves to nothing.
    fn socket(&self, file: FileId, socket: &SocketRef, depth: u32) -> Vec<SocketValue> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let key = (file, socket as *const SocketRef as usize);
        if let Some(known) = self.memo.borrow().get(&key) {
            return known.clone();
        }
        // An empty answer while it is resolved: a cycle back to it finds nothing.
        self.memo.borrow_mut().insert(key, Vec::new());
        let values = self.resolve_socket(file, socket, depth);
        if let Some(slot) = self.memo.borrow_mut().get_mut(&key) {
            slot.clone_from(&values);
        }
        values
    }

    fn resolve_socket(&self, file: FileId, socket: &SocketRef, depth: u32) -> Vec<SocketValue> {
        let roots: Vec<SocketValue> = match &socket.origin {
            Origin::ClientFactory { ns, ack_timeout } => {
                let mut value = SocketValue::new(Kind::ClientSocket, self.namespace(file, ns));
                value.timeout = *ack_timeout;
                vec![value]
            }
            Origin::Manager => vec![SocketValue::new(Kind::Manager, Ns::Any)],
            Origin::Server => vec![SocketValue::new(Kind::Server, Ns::Static("/".to_owned()))],
            Origin::Typed(typed) => vec![typed_value(*typed)],
            Origin::Guess => self.guess(),
            Origin::Field { name, guess } => {
                let found = self.field(file, name, depth);
                if found.is_empty() && *guess {
                    self.guess()
                } else {
                    found
                }
            }
            Origin::FirstOf(alternatives) => alternatives
                .iter()
                .map(|alternative| self.socket(file, alternative, depth + 1))
                .find(|values| !values.is_empty())
                .unwrap_or_default(),
            Origin::Import {
                specifier,
                name,
                path,
            } => match self.import(file, specifier, name, path, depth) {
                Some((target, ExportValue::Socket(inner))) => self.socket(target, inner, depth + 1),
                _ => Vec::new(),
            },
            Origin::Returned(callee) => match self.wrapper(file, callee) {
                Some(value) => vec![value],
                None => self
                    .returned(file, callee)
                    .into_iter()
                    .flat_map(|(target, inner)| self.socket(target, inner, depth + 1))
                    .collect(),
            },
            Origin::Param { func, index, typed } => match self.params.get(&(file, *func, *index)) {
                Some(values) if !values.is_empty() => values.iter().cloned().collect(),
                Some(_) if !self.params_settled => Vec::new(),
                _ => typed
                    .or_else(|| self.typed_params.get(&(file, *func, *index)).copied())
                    .map(typed_value)
                    .into_iter()
                    .collect(),
            },
            Origin::Context(context) => {
                let key = match context {
                    crate::facts::ContextRef::Local(name) => Some((file, name.as_str())),
                    crate::facts::ContextRef::Import { specifier, name } => self
                        .resolver
                        .resolve(file, specifier)
                        .map(|target| (target, name.as_str())),
                };
                key.and_then(|key| self.contexts.get(&key))
                    .into_iter()
                    .flatten()
                    .flat_map(|&(provider, socket)| self.socket(provider, socket, depth + 1))
                    .collect()
            }
            Origin::Prop {
                func,
                index,
                name,
                fallback,
            } => match self.props.get(&(file, *func, *index, name.clone())) {
                Some(values) if !values.is_empty() => values.iter().cloned().collect(),
                Some(_) if !self.params_settled => Vec::new(),
                _ => fallback
                    .as_deref()
                    .map(|fallback| self.socket(file, fallback, depth + 1))
                    .unwrap_or_default(),
            },
        };
        let mut out: Vec<SocketValue> = roots
            .into_iter()
            .filter_map(|value| {
                socket
                    .ops
                    .iter()
                    .try_fold(value, |value, op| self.apply(file, value, op))
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// What a `[sockets]` wrapper returns: the configuration wins over what the analysis
    /// sees of the function, since wrappers are listed because it cannot see through
    /// them. The namespace is unknown, so it matches any.
    fn wrapper(&self, file: FileId, callee: &Callee) -> Option<SocketValue> {
        let name = match callee {
            Callee::Named(name) => name.as_str(),
            Callee::Import { name, path, .. } => match path.last() {
                Some(member) => member.as_str(),
                None => name.as_str(),
            },
            Callee::Local(id) => self.files[file]
                .facts
                .functions
                .get(*id as usize)?
                .name
                .as_deref()?,
        };
        Some(match self.settings.socket_wrapper(name)? {
            Side::Client => SocketValue::new(Kind::ClientSocket, Ns::Any),
            // Like `new Server()`: `getIO().of("/admin")` and its connection handler
            // are followed from there.
            Side::Server => SocketValue::new(Kind::Server, Ns::Static("/".to_owned())),
        })
    }

    /// A receiver that only looks like a socket counts only in a socket.io project.
    fn guess(&self) -> Vec<SocketValue> {
        if self.uses_socketio {
            vec![SocketValue::new(Kind::Guess, Ns::Any)]
        } else {
            Vec::new()
        }
    }

    /// The socket a class field of this name holds, when that is unambiguous and on
    /// the side of the file that reads it. The reader's class is not known here, so the
    /// classes holding a field of that name are weighed: one whose field only looks like
    /// a socket (`constructor(io) { this.io = io; }` with nothing passing it a socket)
    /// says nothing against one that holds a real socket, and when real sockets
    /// disagree, the classes nearest the reader in the directory tree decide.
    fn field(&self, file: FileId, name: &str, depth: u32) -> Vec<SocketValue> {
        let Some(holders) = self.fields.get(name) else {
            return Vec::new();
        };
        // (holder, what its field resolves to), for the holders on the reader's side.
        let mut known: Vec<(FileId, Vec<SocketValue>)> = Vec::new();
        for &(holder, index) in holders {
            let side = self.sides[holder];
            if side.is_some() && self.sides[file].is_some() && side != self.sides[file] {
                continue;
            }
            let (_, socket) = &self.files[holder].facts.socket_fields[index];
            let values = self.socket(holder, socket, depth + 1);
            if !values.is_empty() {
                known.push((holder, values));
            }
        }
        let real = |values: &[SocketValue]| values.iter().any(|v| v.kind != Kind::Guess);
        if known.iter().any(|(_, values)| real(values)) {
            known.retain(|(_, values)| real(values));
        }
        let distinct = |known: &[(FileId, Vec<SocketValue>)]| {
            let mut found: Vec<SocketValue> =
                known.iter().flat_map(|(_, v)| v.iter().cloned()).collect();
            found.sort();
            found.dedup();
            found
        };
        let found = distinct(&known);
        if found.len() <= 1 {
            return found;
        }
        let holders: Vec<(FileId, usize)> = known
            .iter()
            .enumerate()
            .map(|(i, (h, _))| (*h, i))
            .collect();
        let nearest: Vec<usize> = self
            .nearest_holders(file, &holders)
            .into_iter()
            .map(|(_, i)| i)
            .collect();
        let known: Vec<(FileId, Vec<SocketValue>)> =
            nearest.into_iter().map(|i| known[i].clone()).collect();
        let found = distinct(&known);
        if found.len() == 1 { found } else { Vec::new() }
    }

    fn returned(&self, file: FileId, callee: &Callee) -> Vec<(FileId, &'a SocketRef)> {
        let returns = |file: FileId, id: FuncId| {
            self.files[file]
                .facts
                .functions
                .get(id as usize)
                .and_then(|f| f.returns.as_ref())
                .map(|r| (file, r))
        };
        match callee {
            Callee::Local(id) => returns(file, *id).into_iter().collect(),
            Callee::Import { .. } => self
                .callees(file, callee)
                .into_iter()
                .filter_map(|(f, id)| returns(f, id))
                .collect(),
            Callee::Named(name) => self
                .getters
                .get(name)
                .into_iter()
                .flatten()
                .filter_map(|&(f, id)| returns(f, id))
                .collect(),
        }
    }

    fn apply(&self, file: FileId, mut value: SocketValue, op: &Op) -> Option<SocketValue> {
        use Kind::*;
        match (op, value.kind) {
            (_, Guess) => {}
            (Op::Of(ns), Server) => {
                value.kind = Namespace;
                value.ns = self.namespace(file, ns);
            }
            // The 0.9 client API: `io.connect(url).of("/admin")` is a socket of that
            // namespace over the same connection.
            (Op::Of(ns), ClientSocket) => value.ns = self.namespace(file, ns),
            (Op::Sockets, Server) => {
                value.kind = Namespace;
                value.ns = Ns::Static("/".to_owned());
            }
            (Op::Nsp, ServerSocket) => value.kind = Namespace,
            (Op::Connection, Server | Namespace) => value.kind = ServerSocket,
            (Op::ManagerSocket(ns), Manager) => {
                value.kind = ClientSocket;
                value.ns = self.namespace(file, ns);
            }
            (Op::ManagerOf, ClientSocket) => value.kind = Manager,
            (Op::Rooms, ServerSocket) | (Op::Broadcast, ServerSocket) => {
                value.excludes_sender = true;
                value.rooms |= *op == Op::Rooms;
            }
            (Op::Rooms | Op::Within, Server | Namespace) => value.rooms = true,
            // From one socket, the rooms with the sender in them: a namespace broadcast.
            (Op::Within, ServerSocket) => {
                value.kind = Namespace;
                value.rooms = true;
            }
            // socketioxide's `io.broadcast()`: everyone in the namespace.
            (Op::Broadcast, Server | Namespace) => {}
            (Op::Timeout, ClientSocket | Server | Namespace | ServerSocket) => value.timeout = true,
            (Op::Retries, ClientSocket) => value.retries = true,
            (Op::Flag, _) => {}
            _ => return None,
        }
        Some(value)
    }
}

/// The socket type of each parameter annotated with a type imported from a project file
/// that declares it as one (`interface AppSocket extends Socket` there).
fn imported_param_types(
    files: &[SourceFile],
    resolver: &Resolver,
) -> HashMap<(FileId, FuncId, u32), TypedSocket> {
    let mut typed = HashMap::default();
    for (file, source) in files.iter().enumerate() {
        for param in &source.facts.typed_params {
            let Some(declaring) = resolver.resolve(file, &param.specifier) else {
                continue;
            };
            let declared = files[declaring]
                .facts
                .socket_types
                .iter()
                .find(|(name, _)| *name == param.name);
            if let Some((_, socket)) = declared {
                typed.insert((file, param.func, param.index), *socket);
            }
        }
    }
    typed
}

fn typed_value(typed: TypedSocket) -> SocketValue {
    let kind = match typed {
        TypedSocket::ClientSocket => Kind::ClientSocket,
        TypedSocket::Server => Kind::Server,
        TypedSocket::Namespace => Kind::Namespace,
        TypedSocket::ServerSocket => Kind::ServerSocket,
    };
    let ns = if kind == Kind::Server {
        Ns::Static("/".to_owned())
    } else {
        Ns::Any
    };
    SocketValue::new(kind, ns)
}

/// A Rust source file: a socketioxide server or a rust_socketio client.
pub fn is_rust(path: &std::path::Path) -> bool {
    path.extension().is_some_and(|ext| ext == "rs")
}

/// The directory of the crate a Rust file belongs to: the parent of its nearest `src`
/// directory (no `Cargo.toml` is needed to lint), else its own directory.
pub fn crate_root(path: &std::path::Path) -> &std::path::Path {
    path.ancestors()
        .skip(1)
        .find(|dir| dir.file_name().is_some_and(|name| name == "src"))
        .and_then(std::path::Path::parent)
        .or_else(|| path.parent())
        .unwrap_or(path)
}

/// The namespace a socket.io-client URL connects to: its path, `/` when it has none.
pub fn namespace_of_url(url: &str) -> String {
    let rest = match url.find("://") {
        Some(i) => &url[i + 3..],
        None if url.starts_with("//") => &url[2..],
        None if url.starts_with('/') => return clean_path(url),
        // `localhost:3000/admin`: the client prepends the page's protocol.
        None => url,
    };
    match rest.find('/') {
        Some(i) => clean_path(&rest[i..]),
        None => "/".to_owned(),
    }
}

fn clean_path(path: &str) -> String {
    let end = path.find(['?', '#']).unwrap_or(path.len());
    let path = &path[..end];
    if path.is_empty() {
        "/".to_owned()
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::namespace_of_url;

    #[test]
    fn url_namespaces() {
        assert_eq!(namespace_of_url(""), "/");
        assert_eq!(namespace_of_url("http://localhost:3000"), "/");
        assert_eq!(namespace_of_url("http://localhost:3000/"), "/");
        assert_eq!(namespace_of_url("https://h.example/admin"), "/admin");
        assert_eq!(namespace_of_url("https://h.example/admin?x=1"), "/admin");
        assert_eq!(namespace_of_url("/admin"), "/admin");
        assert_eq!(namespace_of_url("//h.example/chat"), "/chat");
        assert_eq!(namespace_of_url("localhost:3000/admin"), "/admin");
    }
}
