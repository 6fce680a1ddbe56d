//! The event graph: every emit, listener, middleware and removal site of the project
//! after linking, partitioned into apps, with the lookups rules make on it (by app, side,
//! namespace and event name). `crate::link` builds it; this module does not know how.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::apps::{AppId, Apps};
use crate::facts::{
    Ack, EmitMethod, FileFacts, FnShape, FuncId, ListenMethod, Params, Side, Span, Summary,
};
use crate::transport::Transport;
use crate::transport::tauri::{Label, Target};

/// Defined below the graph, for the diagnostics that name them.
pub use crate::ids::{FileId, Ns};

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

#[derive(Clone, Debug)]
pub struct EmitSite {
    /// Pairs only with sites of the same transport.
    pub transport: Transport,
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
    /// For the call of a wrapper: the wrapped emit inside it (see `link/wrappers.rs`).
    pub via: Option<(FileId, Span)>,
    /// The listeners it is aimed at, labels resolved (Tauri's `emit_to`; `Any`
    /// elsewhere): matching asks the transport whether it reaches a listener's target.
    pub target: Target<Label>,
}

#[derive(Clone, Debug)]
pub struct HandlerSite {
    /// Pairs only with sites of the same transport.
    pub transport: Transport,
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
    /// The target it was registered with, labels resolved (`Any` outside Tauri).
    pub target: Target<Label>,
}

/// Where a listener registration runs (see `facts::ListenContext`), resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Context {
    Effect {
        cleanup: bool,
        span: Span,
        /// A Vue/Svelte mount hook rather than a React effect.
        mount_hook: bool,
    },
    Listener {
        event: Event,
        span: Span,
    },
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
    pub transport: Transport,
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
    /// Pairs only with sites of the same transport.
    pub transport: Transport,
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
    /// Event names that are imports of a relative module no checked file is (a dangling
    /// symlink, a submodule not checked out), by the file and start of the name: the
    /// specifier. Such a name is unknown for want of the file, not computed at runtime.
    pub unfound_names: HashMap<(FileId, u32), String>,
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

/// Per app and transport, how much of each side it has: (client, server).
pub type AppPresence = HashMap<(AppId, Transport), (Presence, Presence)>;
/// Per app, the strings of the files that did not parse near it.
pub type AppStrings = HashMap<AppId, HashSet<String>>;

/// Lookups by app and event name, so that matching stays linear in the number of sites.
#[derive(Debug, Default)]
pub struct GraphIndex {
    handlers_of_app: HashMap<AppId, Vec<usize>>,
    emits_of_app: HashMap<AppId, Vec<usize>>,
    handlers_by_name: HashMap<(AppId, Transport, Side, String), Vec<usize>>,
    emits_by_name: HashMap<(AppId, Transport, Side, String), Vec<usize>>,
    /// Handlers that may receive any event of their app and transport: catch-alls and
    /// dynamic names.
    wildcard_handlers: HashMap<(AppId, Transport), Vec<usize>>,
    /// Handlers the analysis cannot see into: wildcards and guessed receivers.
    opaque_handlers: HashMap<(AppId, Transport), Vec<usize>>,
    dynamic_emits: HashMap<(AppId, Transport), Vec<usize>>,
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
    /// Indexes the sites of `graph`, with what the linker found about its apps: how
    /// much of each side they have, the strings of files that did not parse, and the
    /// sockets handed to code outside the project.
    pub fn build(
        graph: &EventGraph,
        presence: AppPresence,
        unparsed_strings: AppStrings,
        unseen_peers: Vec<UnseenPeer>,
    ) -> GraphIndex {
        let mut index = GraphIndex {
            presence,
            unparsed_strings,
            unseen_peers,
            ..GraphIndex::default()
        };
        for (i, handler) in graph.handlers.iter().enumerate() {
            let app = handler.app;
            index.handlers_of_app.entry(app).or_default().push(i);
            if let Some(name) = handler.event.name() {
                index
                    .handlers_by_name
                    .entry((app, handler.transport, handler.side, name.to_owned()))
                    .or_default()
                    .push(i);
            }
            let scope = (app, handler.transport);
            if handler.is_wildcard() {
                index.wildcard_handlers.entry(scope).or_default().push(i);
            }
            if handler.is_wildcard() || !handler.confident {
                index.opaque_handlers.entry(scope).or_default().push(i);
            }
        }
        for (i, emit) in graph.emits.iter().enumerate() {
            index.emits_of_app.entry(emit.app).or_default().push(i);
            match emit.event.name() {
                Some(name) => index
                    .emits_by_name
                    .entry((emit.app, emit.transport, emit.side, name.to_owned()))
                    .or_default()
                    .push(i),
                None => index
                    .dynamic_emits
                    .entry((emit.app, emit.transport))
                    .or_default()
                    .push(i),
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

    /// How many distinct events (by app, transport, namespace and name) are emitted or
    /// handled.
    pub fn event_count(&self) -> usize {
        let emitted = self
            .emits
            .iter()
            .filter_map(|e| Some((e.app, e.transport, e.ns.label(), e.event.name()?)));
        let handled = self
            .handlers
            .iter()
            .filter_map(|h| Some((h.app, h.transport, h.ns.label(), h.event.name()?)));
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

    /// Handlers of `transport` on `side` of `app` for the event `name`.
    pub fn handlers_named<'g>(
        &'g self,
        app: AppId,
        transport: Transport,
        side: Side,
        name: &str,
    ) -> impl Iterator<Item = &'g HandlerSite> {
        self.index
            .handlers_by_name
            .get(&(app, transport, side, name.to_owned()))
            .into_iter()
            .flatten()
            .map(|&i| &self.handlers[i])
    }

    /// Emits of `transport` from `side` of `app` for the event `name`.
    pub fn emits_named<'g>(
        &'g self,
        app: AppId,
        transport: Transport,
        side: Side,
        name: &str,
    ) -> impl Iterator<Item = &'g EmitSite> {
        self.index
            .emits_by_name
            .get(&(app, transport, side, name.to_owned()))
            .into_iter()
            .flatten()
            .map(|&i| &self.emits[i])
    }

    /// Handlers of the emit's app that receive it by name.
    pub fn receivers<'g>(&'g self, emit: &'g EmitSite) -> impl Iterator<Item = &'g HandlerSite> {
        emit.event
            .name()
            .into_iter()
            .flat_map(move |name| {
                self.handlers_named(emit.app, emit.transport, emit.side.other(), name)
            })
            .filter(move |h| reaches(emit, h))
    }

    /// Emits of the handler's app that reach it by name.
    pub fn senders<'g>(&'g self, handler: &'g HandlerSite) -> impl Iterator<Item = &'g EmitSite> {
        handler
            .event
            .name()
            .into_iter()
            .flat_map(move |name| {
                self.emits_named(handler.app, handler.transport, handler.side.other(), name)
            })
            .filter(move |e| reaches(e, handler))
    }

    /// Whether anything of the emit's app on `side` could receive it: like
    /// [`EventGraph::may_be_handled`] (a handler by name, a wildcard, a file that did not
    /// parse), with the handler's registration target honoured as the transport says.
    pub fn may_receive(&self, emit: &EmitSite, side: Side, event: &str) -> bool {
        let (app, transport, ns) = (emit.app, emit.transport, &emit.ns);
        self.may_be_handled_by(app, transport, side, ns, event, |h| reaches(emit, h))
    }

    fn unparsed(&self, app: AppId, event: &str) -> bool {
        self.index
            .unparsed_strings
            .get(&app)
            .is_some_and(|strings| strings.contains(event))
    }

    /// Whether anything of `transport` in `app` could receive `event` on `side` in `ns`:
    /// a handler by name, a wildcard, or a file that did not parse.
    pub fn may_be_handled(
        &self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &Ns,
        event: &str,
    ) -> bool {
        self.may_be_handled_by(app, transport, side, ns, event, |h| h.ns.matches(ns))
    }

    /// [`EventGraph::may_be_handled`] with the handlers of the name narrowed by
    /// `takes_it`.
    fn may_be_handled_by(
        &self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &Ns,
        event: &str,
        takes_it: impl Fn(&HandlerSite) -> bool,
    ) -> bool {
        self.unparsed(app, event)
            || self.unseen_peer(app, transport, side, ns)
            || self
                .handlers_named(app, transport, side, event)
                .any(takes_it)
            || self.wildcards(app, transport, side, ns).next().is_some()
    }

    /// The handlers of `app` on `side` in `ns` that may receive any event: catch-alls
    /// and dynamic names.
    pub fn wildcards<'g>(
        &'g self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &'g Ns,
    ) -> impl Iterator<Item = &'g HandlerSite> {
        self.index
            .wildcard_handlers
            .get(&(app, transport))
            .into_iter()
            .flatten()
            .map(|&i| &self.handlers[i])
            .filter(move |h| h.side == side && h.ns.matches(ns))
    }

    /// Whether a receiver on `side` of `app` in `ns` may take any event unseen: a
    /// catch-all, a dynamic name, a socket only guessed at.
    pub fn has_opaque_receiver(
        &self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &Ns,
    ) -> bool {
        self.index
            .opaque_handlers
            .get(&(app, transport))
            .into_iter()
            .flatten()
            .any(|&i| {
                let h = &self.handlers[i];
                h.side == side && h.ns.matches(ns)
            })
    }

    /// Whether a socket of `side` in `ns` was handed to code outside the project (only
    /// Socket.IO sockets are followed there).
    fn unseen_peer(&self, app: AppId, transport: Transport, side: Side, ns: &Ns) -> bool {
        transport == Transport::SocketIo
            && self
                .index
                .unseen_peers
                .iter()
                .any(|peer| peer.app == app && peer.side == side && peer.ns.matches(ns))
    }

    /// The sockets handed to code outside the project, where they are handed over.
    pub fn unseen_peers(&self) -> &[UnseenPeer] {
        &self.index.unseen_peers
    }

    /// Whether anything of `transport` in `app` could send `event` from `side` in `ns`.
    pub fn may_be_emitted(
        &self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &Ns,
        event: &str,
    ) -> bool {
        self.may_be_emitted_by(app, transport, side, ns, event, |e| e.ns.matches(ns))
    }

    /// [`EventGraph::may_be_emitted`] with the emits of the name narrowed by `reaches_it`.
    fn may_be_emitted_by(
        &self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &Ns,
        event: &str,
        reaches_it: impl Fn(&EmitSite) -> bool,
    ) -> bool {
        self.unparsed(app, event)
            || self.unseen_peer(app, transport, side, ns)
            || self
                .emits_named(app, transport, side, event)
                .any(reaches_it)
            || self
                .dynamic_emitters(app, transport, side, ns)
                .next()
                .is_some()
    }

    /// Whether anything of the handler's app on `side` could send it its event: like
    /// [`EventGraph::may_be_emitted`], with the emit's target honoured as the transport
    /// says.
    pub fn may_send(&self, handler: &HandlerSite, side: Side, event: &str) -> bool {
        let (app, transport, ns) = (handler.app, handler.transport, &handler.ns);
        self.may_be_emitted_by(app, transport, side, ns, event, |e| reaches(e, handler))
    }

    /// The emits of `app` from `side` in `ns` whose name is computed at runtime.
    pub fn dynamic_emitters<'g>(
        &'g self,
        app: AppId,
        transport: Transport,
        side: Side,
        ns: &'g Ns,
    ) -> impl Iterator<Item = &'g EmitSite> {
        self.index
            .dynamic_emits
            .get(&(app, transport))
            .into_iter()
            .flatten()
            .map(|&i| &self.emits[i])
            .filter(move |e| e.side == side && e.ns.matches(ns))
    }

    /// How much of `side` the app has in `transport`.
    pub fn presence(&self, app: AppId, transport: Transport, side: Side) -> Presence {
        let (client, server) = self
            .index
            .presence
            .get(&(app, transport))
            .copied()
            .unwrap_or_default();
        match side {
            Side::Client => client,
            Side::Server => server,
        }
    }

    /// Whether the server side of `app` serves namespace `ns` (so its absence of
    /// handlers means something).
    pub fn server_serves(&self, app: AppId, ns: &Ns) -> bool {
        // Namespaces are Socket.IO's.
        let server_present =
            self.presence(app, Transport::SocketIo, Side::Server) == Presence::Certain;
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

/// Whether `emit` may reach `handler` once their names match: the same namespace, and a
/// target the transport lets reach the handler's registration.
pub fn reaches(emit: &EmitSite, handler: &HandlerSite) -> bool {
    emit.ns.matches(&handler.ns) && emit.transport.reaches(&emit.target, &handler.target)
}

/// The sides the other end of a site on `side` may be on: the other side, and its own
/// too for a transport whose messages reach their own side (a Tauri event from one
/// webview to another).
pub fn peer_sides(transport: Transport, side: Side) -> &'static [Side] {
    match (side, transport.reaches_own_side()) {
        (Side::Client, false) => &[Side::Server],
        (Side::Server, false) => &[Side::Client],
        (Side::Client, true) => &[Side::Server, Side::Client],
        (Side::Server, true) => &[Side::Client, Side::Server],
    }
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
