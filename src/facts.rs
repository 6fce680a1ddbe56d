//! Language-neutral facts about one source file.
//!
//! A front-end turns a file into [`FileFacts`] and drops its AST. Everything that
//! needs another file to be understood (an imported constant, a socket exported from
//! a module, a function called with a socket) is kept as an unresolved reference and
//! resolved by the linker (`link/`), so extraction stays per-file and parallel, and the
//! facts of an unchanged file can come from the cache (`cache.rs`) without parsing it
//! again. Every emit, listener and removal names its [`Transport`].

use serde::{Deserialize, Serialize};

use crate::transport::Transport;
use crate::transport::tauri::Target;

/// A byte range `[start, end)` in one file, as read from disk.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }
}

/// Index of a function in [`FileFacts::functions`].
pub type FuncId = u32;

/// A string-ish value known at analysis time, possibly defined in another file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Value {
    Str(String),
    /// A string literal written at `span` of the file that holds this value: where a
    /// rename edits a constant's definition.
    Literal {
        value: String,
        span: Span,
    },
    /// An object literal, `as const` object or string enum: member name → value.
    Object(Vec<(String, Value)>),
    /// A binding imported from `specifier`; `path` are the member accesses applied to it.
    /// `name` is an export name, `default`, or `*` for a namespace import. A Rust
    /// constant this file does not define has the specifier [`RUST_CONST`].
    Import {
        specifier: String,
        name: String,
        path: Vec<String>,
    },
    /// String concatenation or a template literal with holes.
    Concat(Vec<Value>),
    /// Unknown at runtime with a known fallback (`env.URL ?? "http://localhost:3000"`):
    /// not an event name, but good enough to tell a URL's namespace.
    Fallback(Box<Value>),
    Unknown,
}

impl Value {
    /// Member access `value.key`, kept lazy for imports.
    pub fn member(&self, key: &str) -> Value {
        match self {
            Value::Object(fields) => fields
                .iter()
                .find(|(name, _)| name == key)
                .map_or(Value::Unknown, |(_, v)| v.clone()),
            Value::Import {
                specifier,
                name,
                path,
            } => {
                let mut path = path.clone();
                path.push(key.to_owned());
                Value::Import {
                    specifier: specifier.clone(),
                    name: name.clone(),
                    path,
                }
            }
            _ => Value::Unknown,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, Value::Unknown)
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Literal { value: s, .. } => Some(s),
            _ => None,
        }
    }
}

/// The specifier of a [`Value::Import`] that names a Rust `const`/`static` defined
/// elsewhere in the crate (`events::MESSAGE_NEW`, `use crate::events::*`). Rust module
/// paths are not resolved: the linker finds the constant by name, see `link/names.rs`.
pub const RUST_CONST: &str = "<rust const>";

/// The parameter index through which a Rust handler receives its socket. socketioxide
/// hands extractors by type, not position, so a registration (`io.ns("/", on_connect)`)
/// passes the socket at this index and the handler's `SocketRef` parameter reads it.
pub const SOCKET_EXTRACTOR: u32 = u32::MAX;

/// Which end of a connection a piece of code runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Client,
    Server,
}

impl Side {
    /// Its name in a transport's words: "client", Tauri's "webview".
    pub fn name(self, words: &crate::transport::Words) -> &'static str {
        match self {
            Side::Client => words.client,
            Side::Server => words.server,
        }
    }

    /// Its name as the subject of a sentence: "client", Tauri's "the webview".
    pub fn subject(self, words: &crate::transport::Words) -> &'static str {
        match self {
            Side::Client => words.client_subject,
            Side::Server => words.server_subject,
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }
}

/// A namespace as written in code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NsExpr {
    /// A namespace name (`io.of("/admin")`, `manager.socket("/admin")`).
    Name(Value),
    /// A client URL whose path is the namespace (`io("http://host/admin")`).
    Url(Value),
    /// A regular expression or function namespace: matches any client namespace.
    Dynamic,
}

/// Where a socket value comes from, before cross-file resolution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// `io(url, opts)` / `connect(url)` from socket.io-client.
    ClientFactory { ns: NsExpr, ack_timeout: bool },
    /// `new Manager(url)` from socket.io-client.
    Manager,
    /// `new Server(...)` / `require("socket.io")(...)`, or an out-of-process emitter.
    Server,
    /// A value annotated with a socket.io type (`socket: Socket`), when nothing better is known.
    Typed(TypedSocket),
    /// A binding imported from another module.
    Import {
        specifier: String,
        name: String,
        path: Vec<String>,
    },
    /// The value a function returns (`getSocket()`, `useSocket()`).
    Returned(Callee),
    /// A parameter of a function in this file, filled by the callers of that function.
    Param {
        func: FuncId,
        index: u32,
        typed: Option<TypedSocket>,
    },
    /// A property of an object parameter of a function in this file: `props.socket` or
    /// a destructured `({ socket })` in a component, filled by the callers that pass a
    /// socket there ([`PropCall`]); `fallback` is what the name says without them (a
    /// class field of that name, a guess), resolved once no caller fills it.
    Prop {
        func: FuncId,
        index: u32,
        name: String,
        fallback: Option<Box<SocketRef>>,
    },
    /// `useContext(SocketContext)`: the sockets the project's providers of that context
    /// give it (`<SocketContext.Provider value={socket}>`).
    Context(ContextRef),
    /// `server.io` on a value this file cannot see into: the project's class field of
    /// that name, when exactly one class holds a socket there. `guess` keeps it as a
    /// low-confidence receiver when no such field exists.
    Field { name: String, guess: bool },
    /// The first alternative that resolves to anything, for member accesses on values
    /// known only by name (`UptimeKumaServer.getInstance().io`).
    FirstOf(Vec<SocketRef>),
    /// A receiver that only looks like a socket (`this.$socket`, `client`): kept with low
    /// confidence so it can suppress findings but never cause one.
    Guess,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TypedSocket {
    ClientSocket,
    Server,
    Namespace,
    ServerSocket,
}

/// One step applied to a socket value, in source order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// `io.of(ns)`.
    Of(NsExpr),
    /// `io.sockets`: the main namespace.
    Sockets,
    /// `socket.nsp`: the namespace of a server socket.
    Nsp,
    /// The socket passed to `nsp.on("connection", socket => ...)`.
    Connection,
    /// `manager.socket(ns)`.
    ManagerSocket(NsExpr),
    /// `socket.io`: the client's Manager, whose events are not socket events.
    ManagerOf,
    /// `to`, `in`, `except`: a room selection.
    Rooms,
    /// `within(rooms)` (socketioxide): a room selection that keeps the sender.
    Within,
    /// `socket.broadcast`.
    Broadcast,
    /// `timeout(ms)`.
    Timeout,
    /// A client created with the `retries` option: it queues every emit and adds an
    /// ack of its own to retry it until the server answers, so every packet it sends
    /// asks for an ack, with or without a callback.
    Retries,
    /// `volatile`, `compress`, `local`: no effect on wiring.
    Flag,
}

/// A socket value as this file sees it: where it comes from and what was done to it on
/// the way. A new field of the facts that holds one must be visited by
/// [`FileFacts::resolved_socket_refs`], or the linker may not fill the parameters it reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocketRef {
    pub origin: Origin,
    pub ops: Vec<Op>,
}

/// A function being called, as far as this file can tell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Callee {
    Local(FuncId),
    Import {
        specifier: String,
        name: String,
        path: Vec<String>,
    },
    /// A method or function known only by name (`this.$root.getSocket()`).
    Named(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmitMethod {
    Emit,
    EmitWithAck,
    /// `send` / `write`: emits `"message"`.
    Send,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Emit {
    /// The transport the call belongs to: it pairs only with sites of the same one.
    pub transport: Transport,
    /// The whole call expression.
    pub span: Span,
    /// The event-name argument (or the method name for `send`).
    pub name_span: Span,
    pub receiver: SocketRef,
    pub name: Value,
    /// The name is written as a string literal at the call (a rename fix can edit it).
    pub name_is_literal: bool,
    pub method: EmitMethod,
    /// Payload arguments (ack callback excluded); `None` when a spread hides the count.
    pub args: Option<u32>,
    /// A trailing function argument is the ack callback.
    pub ack_callback: bool,
    /// Whether the trailing argument could be told to be a function or not.
    pub ack_known: bool,
    /// The caller waits for the ack: `await x.emitWithAck(...)`, or a promise resolved
    /// only in the ack callback.
    pub awaited: bool,
    /// A binding named `io` in scope here, for fixes that emit through the server.
    pub io_in_scope: Option<SocketRef>,
    /// The call's result is thrown away without `.await` (Rust): a socketioxide
    /// broadcast returns a future, and a future that is never polled sends nothing.
    pub dropped: bool,
    /// The keys of the one payload argument when it is an object literal with plain
    /// keys only (`{ text, room: "a" }`), for comparing with a Rust `Data<T>` struct.
    pub payload_keys: Option<Vec<String>>,
    /// `await socket.emit(...)` in TypeScript: `emit` returns the socket (or `true` on
    /// the server), so the `await` waits for nothing.
    pub awaited_emit: Option<AwaitedEmit>,
    /// The event whose listener this emit runs in (`socket.on("welcome", () =>
    /// socket.emit("hello"))`): it is sent in reply to that event.
    pub reply_to: Option<Value>,
    /// The listeners it is aimed at (Tauri's `emit_to`); `Any` for every other emit.
    #[serde(default)]
    pub target: Target<Value>,
}

/// Where `await socket.emit(...)` is written, for the finding and its fix.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct AwaitedEmit {
    /// The `await` expression.
    pub span: Span,
    /// The method name, `emit`.
    pub method: Span,
    /// The end of the call, after its `)`.
    pub call_end: u32,
    /// The ack callback when it can run on the value `emitWithAck` resolves to: an arrow
    /// function with at most one parameter (the ack's first argument is all
    /// `emitWithAck` gives).
    pub callback: Option<MovableCallback>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MovableCallback {
    /// The arrow function.
    pub span: Span,
    /// From the end of the argument before it to the end of the callback: what removing
    /// it from the arguments cuts.
    pub cut: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListenMethod {
    On,
    Once,
    /// `onAny` / `prependAny`: receives every event.
    Any,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Handler {
    /// The transport the call belongs to: it pairs only with sites of the same one.
    pub transport: Transport,
    pub span: Span,
    pub name_span: Span,
    pub receiver: SocketRef,
    /// A listener defined in another file, named here (`handlers::on_message`): linking
    /// takes its parameters and ack from there.
    pub listener_elsewhere: Option<Callee>,
    /// `Value::Unknown` for catch-alls.
    pub name: Value,
    pub name_is_literal: bool,
    pub method: ListenMethod,
    /// Declared parameters of the listener function, when it is visible.
    pub params: Option<Params>,
    /// A catch-all whose body only logs: it receives events but handles none.
    pub logging_only: bool,
    /// The listener's ack parameter and how it is called, when it has one.
    pub ack: Option<Ack>,
    /// Registered inside a connection listener after this `await`.
    pub after_await: Option<Span>,
    /// For a registration after an `await`: the events the connection listener emits
    /// on its socket after registering it. A client that sends this event only in reply
    /// to one of them cannot send it before the listener exists (a server-led handshake).
    pub emitted_after: Vec<Value>,
    /// The listener matches incoming events against the sender's own pending or
    /// temporary ids (`pending.delete(msg.clientId)`): it waits for its own echo.
    pub matches_own_id: bool,
    /// Where the registration runs, when that makes it run again and again.
    pub context: Option<ListenContext>,
    /// The listener function's shape, for fixes that edit it.
    pub shape: Option<FnShape>,
    /// The listener is a named function (`socket.on("x", onX)`), for `off("x", onX)`.
    pub listener_name: Option<String>,
    /// The function the registration runs in.
    pub frame: Option<FuncId>,
    /// Registered inside a branch or loop of that function: it may not run every time.
    pub conditional: bool,
    /// The type a Rust handler deserializes its payload into (`Data<NewMessage>` gives
    /// `NewMessage`), when it is a plain type name.
    pub data_type: Option<String>,
    /// The target it was registered with (Tauri's `getCurrentWindow().listen` takes
    /// only emits aimed at that window); `Any` for every other listener.
    #[serde(default)]
    pub target: Target<Value>,
}

/// Where a function's parameters and body are, for fixes that edit them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FnShape {
    /// Where the function starts (`async`, `function` or `(`).
    pub start: u32,
    /// From the first parameter to the end of the last; `None` when there are none.
    pub params: Option<Span>,
    /// The parameters are in parentheses (`x => ...` has none).
    pub parens: bool,
    /// The block body, braces included; `None` for an expression body.
    pub body: Option<Span>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Ack {
    /// Index of the ack among the declared parameters.
    pub index: u32,
    pub param_span: Span,
    pub name: String,
    pub summary: Summary,
    /// A NestJS `@SubscribeMessage` handler: how it replies (its return value, or an
    /// `@Ack()` parameter). `None` for a plain listener.
    #[serde(default)]
    pub nest: Option<NestReply>,
}

impl Ack {
    /// A NestJS reply seen through what may stand between the method and the client:
    /// an interceptor may replace the returned value (so the returns tell nothing), and
    /// an exception filter may answer a thrown exception with the ack (so a throw is no
    /// missing reply).
    pub fn through_nest(mut self, interceptors: bool, filters: bool) -> Ack {
        if self.nest != Some(NestReply::Return) {
            return self;
        }
        let summary = &mut self.summary;
        if interceptors {
            summary.missing.clear();
            summary.escapes = true;
            summary.calls = Calls::Unknown;
        } else if filters {
            let before = summary.missing.len();
            summary
                .missing
                .retain(|m| !matches!(m.kind, MissingKind::Throw | MissingKind::Reject));
            if summary.missing.len() != before && summary.missing.is_empty() {
                summary.calls = if summary.call_spans.is_empty() {
                    Calls::Unknown
                } else {
                    Calls::All
                };
            }
        }
        self
    }
}

/// How a NestJS gateway handler answers an ack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NestReply {
    /// The value it returns (awaited) is the ack; `undefined`/`null`, a `WsResponse`
    /// and a thrown exception are not. `Ack::summary` judges the returns.
    Return,
    /// An `@Ack()` parameter, called like a plain ack.
    AckParam,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListenContext {
    /// Inside a React `useEffect`, or a Vue/Svelte mount hook (`mount_hook`); `cleanup`
    /// says whether it returns a cleanup that removes listeners (or, for a mount hook,
    /// whether the component's unmount hook removes them).
    Effect {
        cleanup: bool,
        span: Span,
        #[serde(default)]
        mount_hook: bool,
    },
    /// Inside the listener of another event (`connect` included) on `receiver`.
    Listener {
        event: Value,
        span: Span,
        receiver: SocketRef,
    },
}

/// `io.use(...)`, `nsp.use(...)`, `socket.use(...)`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Middleware {
    pub span: Span,
    pub receiver: SocketRef,
    /// How `next` is called; `None` when the function is not visible.
    pub next: Option<Summary>,
    pub next_name: String,
    pub shape: Option<FnShape>,
}

/// `off(...)`, `removeListener(...)`, `removeAllListeners(...)`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Removal {
    /// The transport the call belongs to: it pairs only with sites of the same one.
    pub transport: Transport,
    pub span: Span,
    pub receiver: SocketRef,
    /// `Value::Unknown` with `all_events` for `off()` / `removeAllListeners()`.
    pub name: Value,
    pub all_events: bool,
    /// The listener to remove was passed.
    pub has_listener: bool,
    /// `removeAllListeners(...)`, which never throws.
    pub remove_all: bool,
    /// The functions the removal runs in, innermost last: a listener registered in one
    /// of them (or at the top level) is in scope here.
    pub frames: Vec<FuncId>,
}

/// `new Promise((resolve, reject) => ...)` with a path that settles nothing.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PendingPromise {
    pub span: Span,
    pub summary: Summary,
    /// The executor's second parameter, for the fix that adds the missing `reject`.
    pub reject_name: Option<String>,
}

/// A handler map or list of event names a file exports (`export const handlers = {
/// "job:started": onStarted }`, `module.exports = {...}`, `export default [...]`), for
/// the loops over it in the files that import it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExportedMap {
    /// The export's name (`default` for a default export or `module.exports`).
    pub name: String,
    pub entries: Vec<ExportedEntry>,
}

/// One entry of an [`ExportedMap`]: the key (for a list, the element), where it is,
/// and what its value is when that is an event name or a function.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExportedEntry {
    pub key: Value,
    pub key_span: Span,
    pub key_literal: bool,
    /// The value when it is an event name (a map of emits: `{ save: "item:save" }`).
    pub value: Option<Value>,
    pub value_span: Span,
    /// The value when it is a function written in the file: its signature as a
    /// listener. `None` when it is no function or its parameters are unknown.
    pub params: Option<Params>,
    pub ack: Option<Ack>,
}

/// An emit or handler whose event name is the loop variable over an imported map
/// (`for (const [ev, fn] of Object.entries(handlers)) socket.on(ev, fn)`, `handlers`
/// imported): linking makes it one site per entry, at the entry.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MapLoop {
    pub site: WrappedSite,
    pub specifier: String,
    /// The imported name (`default` for a default import or `require`).
    pub name: String,
    /// The loop variable holds the values (`Object.values`), not the keys.
    pub values: bool,
    /// The listener is the entry's own function (`fn` of `[ev, fn]`, `handlers[ev]`).
    pub per_entry: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub count: u32,
    pub rest: bool,
}

/// A place where a client opens a connection to a namespace (`io(url)`, `manager.socket(ns)`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Connect {
    pub span: Span,
    pub socket: SocketRef,
}

/// A place where the server selects a namespace (`io.of("/admin")`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NamespaceUse {
    pub span: Span,
    pub namespace: SocketRef,
}

/// A call of a function with socket arguments: `register(io, socket)`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SocketCall {
    pub callee: Callee,
    pub args: Vec<(u32, SocketRef)>,
}

impl SocketCall {
    /// The sockets a call passes, by argument index, in a list of their size rather
    /// than `collect`'s room for four: nearly every such call passes one (or one
    /// parameter passed on), and a large file records tens of thousands of them, kept
    /// until the run ends.
    pub fn args_of(mut sockets: impl Iterator<Item = (u32, SocketRef)>) -> Vec<(u32, SocketRef)> {
        let Some(first) = sockets.next() else {
            return Vec::new();
        };
        let mut args = Vec::with_capacity(1);
        args.push(first);
        args.extend(sockets);
        args
    }
}

/// A React context, as a file names it: declared there (`createContext()`), or imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContextRef {
    Local(String),
    Import { specifier: String, name: String },
}

/// `<SocketContext.Provider value={socket}>`: the context holds that socket for the
/// components below, which read it with `useContext(SocketContext)`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ContextValue {
    pub context: ContextRef,
    pub socket: SocketRef,
}

/// A call that passes sockets as properties of an object argument: a component
/// rendered as `<Chat socket={socket} />` (its props are argument 0), or
/// `register({ io, socket })`. Fills the [`Origin::Prop`]s of the callee.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PropCall {
    pub callee: Callee,
    pub index: u32,
    /// Property name → the socket passed there.
    pub props: Vec<(String, SocketRef)>,
}

/// An emit or listener registration whose event name, ack or payload is a parameter of
/// the function it is written in: a wrapper (`send(ev, payload, cb) { socket.emit(ev,
/// payload, cb) }`). Each call of that function is the real site; linking turns the
/// calls ([`WrapperCall`]) into sites with the arguments of the call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapper {
    /// The function whose parameters feed the site.
    pub func: FuncId,
    pub site: WrappedSite,
    /// The parameter that is the event name; `None` when the name is the site's own
    /// and only the ack or payload is passed along.
    pub name: Option<u32>,
    /// The site's arguments after the event name (for a listener: the listener), in
    /// the wrapper's terms.
    pub args: Vec<WrapArg>,
    /// How the site's name is made from the name parameter, and the tests of that
    /// parameter the site is under (`invoke(`plugin:x|${cmd}`)`, `if
    /// (cmd.startsWith("plugin:")) invoke(cmd)`).
    #[serde(default)]
    pub name_shape: NameShape,
}

/// The name a wrapper passes on, made from its parameter: `prefix + param + suffix`,
/// passed on only when every test in `tests` gives its expected result on the param.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameShape {
    pub prefix: String,
    pub suffix: String,
    pub tests: Vec<NameTest>,
}

/// A test of the name parameter that a wrapped site sits under, with the result the
/// branch the site is in needs (`false` in an `else`, or under `!`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NameTest {
    StartsWith(String, bool),
    EndsWith(String, bool),
    Includes(String, bool),
    Equals(String, bool),
    /// A test this analysis does not evaluate (`isPlugin(cmd)`, `cmd.length > 3`).
    Unknown,
}

impl NameShape {
    pub fn is_plain(&self) -> bool {
        self.prefix.is_empty() && self.suffix.is_empty() && self.tests.is_empty()
    }

    /// Whether the wrapper passes `name` on: `None` when a test cannot be evaluated.
    pub fn admits(&self, name: &str) -> Option<bool> {
        let mut admits = true;
        for test in &self.tests {
            let (result, expected) = match test {
                NameTest::StartsWith(text, expected) => (name.starts_with(text.as_str()), expected),
                NameTest::EndsWith(text, expected) => (name.ends_with(text.as_str()), expected),
                NameTest::Includes(text, expected) => (name.contains(text.as_str()), expected),
                NameTest::Equals(text, expected) => (name == text, expected),
                NameTest::Unknown => return None,
            };
            admits &= result == *expected;
        }
        Some(admits)
    }

    /// The name the site gets from the value the call passes.
    pub fn apply(&self, value: Value) -> Value {
        if self.prefix.is_empty() && self.suffix.is_empty() {
            return value;
        }
        Value::Concat(vec![
            Value::Str(self.prefix.clone()),
            value,
            Value::Str(self.suffix.clone()),
        ])
    }
}

/// The site a [`Wrapper`] holds: an index in [`FileFacts::emits`] or `handlers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WrappedSite {
    Emit(u32),
    Handler(u32),
}

/// One argument of a call, in terms of the function the call is written in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WrapArg {
    /// That function's parameter `index`, passed on as it is.
    Param(u32),
    /// `...rest`, that function's rest parameter at `index`: every argument from there.
    Rest(u32),
    /// Any other value; whether it is a function, when that can be told.
    Fixed { function: Option<bool> },
    /// A spread of something else: the count of arguments is unknown from here on.
    Spread,
}

/// A call of a project function with at least one argument that may be an event name
/// or that passes its own parameters on: the call of a wrapper, when its callee is one.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct WrapperCall {
    pub callee: Callee,
    /// The whole call.
    pub span: Span,
    /// The function the call is written in: a call that passes that function's
    /// parameters on makes it a wrapper too.
    pub frame: Option<FuncId>,
    pub args: Vec<CallArg>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CallArg {
    pub span: Span,
    /// The argument's value when it may be an event name.
    pub value: Value,
    pub literal: bool,
    /// How it maps onto the parameters of the function the call is in (`frame`).
    pub arg: WrapArg,
    /// The socket the argument is, for a wrapper that takes its socket as a parameter.
    /// Boxed, as `ack` is: both are rare, and a large project records hundreds of
    /// thousands of arguments, whose size is most of what its facts weigh.
    pub socket: Option<Box<SocketRef>>,
    /// For a function argument: its parameters and ack, as a listener.
    pub params: Option<Params>,
    pub ack: Option<Box<Ack>>,
    /// For an object literal: its keys (a Tauri invoke's argument object passed through
    /// a wrapper such as `call(cmd, args)`).
    pub keys: Option<Vec<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ExportValue {
    Value(Value),
    Socket(SocketRef),
    Function(FuncId),
    /// `export { a as b } from "./x"`.
    Reexport {
        specifier: String,
        name: String,
    },
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Function {
    pub name: Option<String>,
    /// What the function returns when that is a socket. Boxed, as `handler` is: both are
    /// rare, and a large file holds tens of thousands of functions (serde writes a box
    /// as its content, so the cache is the same).
    pub returns: Option<Box<SocketRef>>,
    /// A Rust fn item written as a socketioxide message handler: what its extractors
    /// say, for registrations in other files that name it.
    pub handler: Option<Box<HandlerSignature>>,
    /// Whether a call of it may throw synchronously. Read as every file is walked: the
    /// throwing helpers a handler calls before its ack are asked of many projects.
    pub throws: Throws,
    /// What a call of it does with its parameters. `None` when the front-end left it
    /// for the linker to ask (`lang::call_effects`): only a handler that hands its ack
    /// or `next` to a function of another file needs it, and in most projects none
    /// does, so summarizing every function up front is wasted.
    pub effects: Option<CallEffects>,
}

// A large file holds tens of thousands of functions: what few of them have stays boxed.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Function>() <= 96);

/// What a function's body does with its parameters, that callers in other files can be
/// judged by.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CallEffects {
    /// For parameters the body calls: how (for callers that hand it an ack or `next`).
    pub param_calls: Vec<(u32, Calls)>,
}

/// Whether a call of a function may throw synchronously.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Throws {
    /// Its body has a `throw` that no `catch` of its own handles (an `async` function
    /// rejects instead, and never counts).
    pub itself: bool,
    /// Project functions its body calls outside a `try` that catches: a call of it may
    /// throw when one of them may (decided when linking, a few levels deep).
    pub via: Vec<Callee>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HandlerSignature {
    pub params: Params,
    pub ack: Option<Ack>,
    pub data_type: Option<String>,
}

/// Whether a function calls one of its parameters (an ack, `next`, `resolve`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Calls {
    /// On every path.
    All,
    /// On some paths: see `Summary::missing`.
    Some,
    /// On no path.
    Never,
    /// The parameter escapes (stored, returned, captured): no verdict.
    #[default]
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum MissingKind {
    /// A `return` before the call.
    Return,
    /// A `throw` outside a `try` that handles it.
    Throw,
    /// An `await` (or a promise without a rejection handler) whose rejection leaves.
    Reject,
    /// The end of the body.
    End,
    /// Handed to a helper that itself misses some paths.
    Delegated,
    /// A Rust `?` whose error returns before the call.
    Try,
    /// A NestJS handler returns a `WsResponse` (`{ event, data }`): emitted as that
    /// event, never sent as the ack.
    WsResponse,
}

/// A path that leaves a function without calling the parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    pub span: Span,
    pub kind: MissingKind,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub calls: Calls,
    pub missing: Vec<Missing>,
    /// Where the parameter is called (or handed on).
    pub call_spans: Vec<Span>,
    /// Where it is called directly, unguarded (`cb(x)`), for the guard fix.
    pub direct_spans: Vec<Span>,
    /// Called as a function somewhere in the body (not only handed on): what tells an
    /// ack parameter from a payload that is passed along.
    pub direct: bool,
    /// A `typeof cb === "function"` guard or `cb?.()`: calling it is safe without an ack.
    pub guarded: bool,
    /// Stored, returned or captured: the analysis cannot tell.
    pub escapes: bool,
    /// Handed to project functions in other files, assumed to call it until linking
    /// knows better.
    pub delegations: Vec<Delegation>,
    /// Calls of project functions made before the call on their path, outside a `try`
    /// that catches: if the function may throw (decided when linking), that path
    /// leaves without the call.
    pub throw_calls: Vec<ThrowCall>,
}

/// A call of a project function that may throw before the target is called.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThrowCall {
    pub callee: Callee,
    pub span: Span,
    /// Made in a callback (an ack, a promise reaction), not in the body itself: in a
    /// promise executor only such a throw leaves the promise pending (a throw in the
    /// executor itself rejects it).
    pub in_callback: bool,
}

impl Summary {
    /// Completes a summary from the walk's results: the paths that left without the
    /// call, whether the end of the body is reached without it (at `end`), and how many
    /// call sites were seen.
    pub fn close(
        mut self,
        exits: Vec<Missing>,
        falls_without: bool,
        end: Span,
        calls: u32,
    ) -> Summary {
        self.missing.extend(exits);
        if falls_without {
            self.missing.push(Missing {
                span: end,
                kind: MissingKind::End,
            });
        }
        self.missing.sort_by_key(|m| (m.span, m.kind));
        self.missing.dedup();
        self.calls = if self.escapes {
            Calls::Unknown
        } else if calls == 0 {
            Calls::Never
        } else if self.missing.is_empty() {
            Calls::All
        } else {
            Calls::Some
        };
        self
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delegation {
    pub callee: Callee,
    /// The argument position the parameter is passed at.
    pub index: u32,
    pub span: Span,
    /// The call's result is tested (`if (!await limiter.pass(cb)) return;`): the helper
    /// tells its caller whether it answered, so answering on some paths is by design.
    pub result_used: bool,
}

/// A Rust struct that derives `Deserialize`, as serde reads it from JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RustStruct {
    pub name: String,
    pub span: Span,
    /// Every field, with the JSON keys it accepts (its name after `rename`/`rename_all`,
    /// and its aliases).
    pub fields: Vec<StructField>,
    /// `#[serde(deny_unknown_fields)]`: an extra key fails the whole payload.
    pub deny_unknown: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StructField {
    pub keys: Vec<String>,
    /// Deserializing fails without it: not an `Option`, no `#[serde(default)]`.
    pub required: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ParseError {
    pub span: Span,
    pub message: String,
}

/// A Tauri v2 `#[tauri::command]` fn of a Rust file, for the command rules. Whether it
/// is registered is told by the command sites (`Handler`s of `Transport::TauriCommand`)
/// the file's live `generate_handler!` lists produce, not here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TauriCommand {
    /// What `invoke` names: the fn's identifier.
    pub name: String,
    /// The fn's identifier.
    pub span: Span,
    /// The keys the webview's argument object must or may carry (injected parameters
    /// left out), after Tauri's case conversion.
    pub args: Vec<TauriArg>,
    /// Compiled only under a `#[cfg(..)]`: per-OS variants of one command share a name.
    pub cfg: bool,
    /// What the invoke's Promise settles with.
    #[serde(default)]
    pub reply: CommandReply,
}

/// What a command sends back to its invoke: the return value resolves the Promise,
/// an `Err` rejects it (`shared/reference/api-surface.md` §5.3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandReply {
    /// The type the Promise resolves with, as written (`Vec<Note>`; the `T` of a
    /// `Result<T, E>`); `None` for a command that returns nothing (it resolves with
    /// `null`).
    pub resolves: Option<String>,
    pub rejects: Rejects,
    /// `async fn` or `#[tauri::command(async)]`: runs off the main thread.
    pub is_async: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rejects {
    /// Not a `Result`: only a panic in the command rejects the invoke.
    #[default]
    Never,
    /// `Err(e)` of this type rejects it with the serialized `e`.
    With(String),
    /// A `Result` alias whose error type is not written here (`tauri::Result<T>`,
    /// `CmdResult<T>`).
    Unnamed,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TauriArg {
    /// `userId` for `user_id` (camelCase unless `rename_all = "snake_case"`).
    pub key: String,
    /// The parameter as written, for messages.
    pub rust_name: String,
    /// Not `Option<T>`: a missing key rejects the invoke.
    pub required: bool,
    /// A `tauri::ipc::Channel<T>`: the webview must pass a `new Channel()` under the key.
    #[serde(default)]
    pub channel: bool,
    /// The channel's `send(..)` calls in the command's body.
    #[serde(default)]
    pub sends: Vec<Span>,
}

/// A Tauri `invoke(..)` written in this (TS/JS) file: how its Promise is used and which
/// values of its argument object are Channels or functions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TauriInvoke {
    /// Where the call starts, as the invoke's [`Emit::span`] (and the graph's site).
    pub call_start: u32,
    pub promise: InvokePromise,
    /// The keys whose values are a Channel or a function (the others are plain data).
    pub values: Vec<InvokeValue>,
}

/// What the code does with the Promise an `invoke` returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvokePromise {
    /// `await invoke(..)`: a rejection throws there.
    Awaited,
    /// `invoke(..).then(..)` / `.catch(..)`.
    Chained,
    /// Returned to the caller (`return invoke(..)`, `() => invoke(..)`).
    Returned,
    /// A statement of its own: a rejection is unhandled.
    Dropped,
    /// Kept in a variable or passed on: handled, or not, elsewhere.
    Kept,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvokeValue {
    pub key: String,
    /// The value.
    pub span: Span,
    pub kind: InvokeValueKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvokeValueKind {
    /// A `new Channel()` of `@tauri-apps/api/core`, or a binding of one.
    Channel {
        /// The binding (`onProgress`), when the channel is one.
        binding: Option<String>,
        /// Where the webview receives its messages: the `onmessage` assignment or the
        /// handler passed to `new Channel(handler)`.
        onmessage: Option<Span>,
    },
    /// An arrow or function expression, or a binding of a function: JSON drops it.
    Function,
}

impl Emit {
    /// A site of a transport without acks or namespaces (Tauri's `invoke`/`emit`): the
    /// Socket.IO-only fields left empty.
    pub fn plain(
        transport: Transport,
        span: Span,
        name_span: Span,
        name: Value,
        name_is_literal: bool,
        receiver: SocketRef,
        payload_keys: Option<Vec<String>>,
    ) -> Emit {
        Emit {
            transport,
            span,
            name_span,
            receiver,
            name,
            name_is_literal,
            method: EmitMethod::Emit,
            args: None,
            ack_callback: false,
            ack_known: true,
            awaited: false,
            io_in_scope: None,
            dropped: false,
            payload_keys,
            awaited_emit: None,
            reply_to: None,
            target: Target::Any,
        }
    }
}

impl Handler {
    /// A registration of a transport without acks or namespaces (a Tauri command or
    /// `listen`): the Socket.IO-only fields left empty.
    pub fn plain(
        transport: Transport,
        span: Span,
        name_span: Span,
        name: Value,
        name_is_literal: bool,
        receiver: SocketRef,
        method: ListenMethod,
    ) -> Handler {
        Handler {
            transport,
            span,
            name_span,
            receiver,
            listener_elsewhere: None,
            name,
            name_is_literal,
            method,
            params: None,
            logging_only: false,
            ack: None,
            after_await: None,
            emitted_after: Vec::new(),
            matches_own_id: false,
            context: None,
            shape: None,
            listener_name: None,
            frame: None,
            conditional: false,
            data_type: None,
            target: Target::Any,
        }
    }
}

/// Everything wirelint needs to know about one file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FileFacts {
    /// The side this file's imports put it on, if any.
    pub side: Option<Side>,
    /// Tauri v2 commands this (Rust) file defines.
    pub tauri_commands: Vec<TauriCommand>,
    /// Tauri v2 invokes this (TS/JS) file writes: see [`TauriInvoke`].
    #[serde(default)]
    pub tauri_invokes: Vec<TauriInvoke>,
    /// The file imports socket.io or socket.io-client.
    pub uses_socketio: bool,
    pub emits: Vec<Emit>,
    pub handlers: Vec<Handler>,
    pub connects: Vec<Connect>,
    pub middlewares: Vec<Middleware>,
    pub removals: Vec<Removal>,
    pub promises: Vec<PendingPromise>,
    pub namespaces: Vec<NamespaceUse>,
    pub calls: Vec<SocketCall>,
    #[serde(default)]
    pub prop_calls: Vec<PropCall>,
    #[serde(default)]
    pub contexts: Vec<ContextValue>,
    pub functions: Vec<Function>,
    pub exports: Vec<(String, ExportValue)>,
    /// The front-end panicked on this file: a bug of wirelint's, reported with the
    /// file's path, and a run that had one exits 2.
    pub internal_error: bool,
    /// Sites whose name, ack or payload is a parameter: see [`Wrapper`].
    #[serde(default)]
    pub wrappers: Vec<Wrapper>,
    /// Calls that may be calls of a wrapper: see [`WrapperCall`].
    #[serde(default)]
    pub wrapper_calls: Vec<WrapperCall>,
    /// Maps and lists of event names this file exports: see [`ExportedMap`].
    #[serde(default)]
    pub exported_maps: Vec<ExportedMap>,
    /// Sites whose event names are the entries of an imported map: see [`MapLoop`].
    #[serde(default)]
    pub map_loops: Vec<MapLoop>,
    /// Class fields holding sockets (`this.io = new Server()`), by field name.
    pub socket_fields: Vec<(String, SocketRef)>,
    /// `export * from "x"`.
    pub star_exports: Vec<String>,
    /// Every import specifier, for deciding the side through the module graph.
    pub imports: Vec<String>,
    pub parse_error: Option<ParseError>,
    /// The file is a template (EJS, Handlebars) saved with a script's extension: its
    /// `parse_error` says so, and is reported as info, since nothing is wrong with it.
    pub template: bool,
    /// For a file that did not parse: every string literal found by a lexical scan, so a
    /// name it may use keeps cross-file findings quiet.
    pub loose_strings: Vec<String>,
    /// Its suppression comments (`// wirelint-ignore-next-line ...`), kept with the
    /// facts so that a file the cache spares reading still has them.
    #[serde(default)]
    pub suppressions: Vec<Directive>,
    /// Rust structs whose shape serde can be trusted to follow; the rest (generic,
    /// `flatten`, custom `Deserialize`) are left out.
    pub structs: Vec<RustStruct>,
    /// Named functions and methods that hold a site, for telling code nothing calls.
    pub scopes: Vec<NamedScope>,
    /// Test code inside the file: Rust `#[cfg(test)]` modules and `#[test]` functions.
    pub test_spans: Vec<Span>,
    /// Types this file declares as a socket.io type under another name
    /// (`interface AppSocket extends Socket`, `type Io = Server<Events>`), by name, so that
    /// an annotation with one of them in another file is that socket.
    #[serde(default)]
    pub socket_types: Vec<(String, TypedSocket)>,
    /// Parameters annotated with a type imported from elsewhere (`socket: AppSocket`): the
    /// linker looks the type up among the `socket_types` of the file it comes from.
    #[serde(default)]
    pub typed_params: Vec<TypedParam>,
    /// Sockets handed to a constructor known only by its name (`new SocketIOAdapter(socket)`):
    /// when no project function has that name, the constructor is code the project does not
    /// hold (a vendored script's global, a package), which may listen and emit anything.
    #[serde(default)]
    pub handed_to_constructors: Vec<HandedSocket>,
    /// NestJS gateways, modules and handler parameters (see `lang/ts/nest.rs`).
    #[serde(default)]
    pub nest: NestFacts,
}

/// `new SocketIOAdapter(socket)`: a socket handed to a constructor, at the constructor's
/// name.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct HandedSocket {
    pub span: Span,
    pub call: SocketCall,
}

/// Parameter `index` of function `func`, annotated with type `name` imported from
/// `specifier`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedParam {
    pub func: FuncId,
    pub index: u32,
    pub specifier: String,
    pub name: String,
}

/// What a file declares for NestJS beyond its sites.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NestFacts {
    /// `@WebSocketGateway()` classes.
    pub gateways: Vec<NestGateway>,
    /// `@Module({ providers })` classes.
    pub modules: Vec<NestModule>,
    /// Handler parameters NestJS binds nothing to, called as the ack.
    pub unbound_acks: Vec<UnboundAck>,
    /// `app.useGlobalInterceptors(...)` or an `APP_INTERCEPTOR` provider: every
    /// handler's return value may be replaced.
    pub global_interceptors: bool,
    /// `app.useGlobalFilters(...)` or an `APP_FILTER` provider: a thrown exception may
    /// be answered with the ack.
    pub global_filters: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NestGateway {
    /// The class name; `None` for an anonymous class.
    pub name: Option<String>,
    /// The `@WebSocketGateway(...)` decorator.
    pub span: Span,
    /// Its `@SubscribeMessage` methods: a gateway without any registers nothing.
    pub handlers: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NestModule {
    /// The class names its `providers` list; `None` when the list is not a literal
    /// array of names (a spread, a variable, a call): it may provide anything.
    pub providers: Option<Vec<String>>,
}

/// A `@SubscribeMessage` method parameter that is not the ack but is called as one.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct UnboundAck {
    /// The `@SubscribeMessage(...)` decorator.
    pub handler: Span,
    pub event: Value,
    /// The parameter.
    pub param: Span,
    pub name: String,
    /// Its index among the method's parameters.
    pub index: u32,
    /// Where it is called.
    pub calls: Vec<Span>,
    /// Where the method's other parameters start and the decorator each needs, when
    /// NestJS binds them only by position
    /// (`ConnectedSocket`, `MessageBody`): a fix that decorates the ack must decorate
    /// them too, since one decorator turns positional binding off.
    pub positional: Vec<(u32, String)>,
}

/// A function or method that code can call by its name: a declaration, a function bound
/// to a variable or property, a class or object method, a Rust `fn` item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedScope {
    pub name: String,
    /// The whole function.
    pub span: Span,
}

impl FileFacts {
    /// Every socket reference the linker resolves for its own sake: all of them but
    /// the arguments of `calls` and `prop_calls`, which are resolved only to fill the
    /// parameters they are passed to (`link::params`), and so only when something reads
    /// those parameters. The facts are taken apart whole so that a field added to them
    /// cannot be missed; each kind of fact below lists the fields that hold sockets.
    pub fn resolved_socket_refs<'f>(&'f self, visit: &mut impl FnMut(&'f SocketRef)) {
        let FileFacts {
            emits,
            handlers,
            connects,
            middlewares,
            removals,
            namespaces,
            contexts,
            functions,
            exports,
            wrapper_calls,
            socket_fields,
            handed_to_constructors,
            // Resolved only as they fill parameters.
            calls: _,
            prop_calls: _,
            // No sockets in these.
            side: _,
            tauri_commands: _,
            tauri_invokes: _,
            uses_socketio: _,
            promises: _,
            internal_error: _,
            wrappers: _,
            exported_maps: _,
            map_loops: _,
            star_exports: _,
            imports: _,
            parse_error: _,
            template: _,
            loose_strings: _,
            suppressions: _,
            structs: _,
            scopes: _,
            test_spans: _,
            socket_types: _,
            typed_params: _,
            nest: _,
        } = self;
        for emit in emits {
            visit(&emit.receiver);
            emit.io_in_scope.iter().for_each(&mut *visit);
        }
        for handler in handlers {
            visit(&handler.receiver);
            if let Some(ListenContext::Listener { receiver, .. }) = &handler.context {
                visit(receiver);
            }
        }
        connects.iter().for_each(|connect| visit(&connect.socket));
        middlewares
            .iter()
            .for_each(|middleware| visit(&middleware.receiver));
        removals.iter().for_each(|removal| visit(&removal.receiver));
        namespaces
            .iter()
            .for_each(|namespace| visit(&namespace.namespace));
        contexts.iter().for_each(|context| visit(&context.socket));
        functions
            .iter()
            .filter_map(|f| f.returns.as_deref())
            .for_each(&mut *visit);
        for (_, export) in exports {
            if let ExportValue::Socket(socket) = export {
                visit(socket);
            }
        }
        let call_args = wrapper_calls.iter().flat_map(|call| &call.args);
        call_args
            .filter_map(|arg| arg.socket.as_deref())
            .for_each(&mut *visit);
        socket_fields.iter().for_each(|(_, socket)| visit(socket));
        for handed in handed_to_constructors {
            handed
                .call
                .args
                .iter()
                .for_each(|(_, socket)| visit(socket));
        }
    }

    /// Whether findings can point into the file, quote it or edit it: it has sites or
    /// did not parse. Only such files keep their text after extraction.
    pub fn quotable(&self) -> bool {
        self.parse_error.is_some()
            || !self.emits.is_empty()
            || !self.handlers.is_empty()
            || !self.connects.is_empty()
            || !self.namespaces.is_empty()
            || !self.middlewares.is_empty()
            || !self.removals.is_empty()
            || !self.promises.is_empty()
            // Calls of wrappers in other files are sites here.
            || !self.wrapper_calls.is_empty()
            // Entries of maps that loops in other files walk are sites here.
            || !self.exported_maps.is_empty()
            // Rust structs a payload is compared with: labels point at them.
            || !self.structs.is_empty()
            // Tauri command fns: findings and labels point at them.
            || !self.tauri_commands.is_empty()
            // NestJS gateways and handler parameters findings point at.
            || !self.nest.gateways.is_empty()
            || !self.nest.unbound_acks.is_empty()
            // Constants files: a rename fix may edit an event name's definition.
            || self
                .exports
                .iter()
                .any(|(_, export)| matches!(export, ExportValue::Value(_)))
    }
}

/// Which text a suppression comment covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectiveKind {
    NextLine,
    File,
    Block,
}

/// One suppression comment (`// wirelint-ignore-next-line <rule> -- reason`), found in
/// a file's text when it is read (`suppress::directives`) and applied to the findings
/// after the rules ran (`suppress::apply`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// The comment, from `//` or `/*`.
    pub comment: Span,
    /// What removing the directive deletes: its whole line when the comment is alone
    /// on it, else the comment (and the spaces before a trailing `//` comment).
    pub removal: Span,
    /// The text whose findings it suppresses.
    pub covers: Span,
    /// The rule ids named, each with its place; empty: every rule.
    pub rules: Vec<(String, Span)>,
}
