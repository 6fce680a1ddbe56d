//! Which socket a reference is: following a socket value through variables, imports,
//! class fields, getters, contexts and function parameters to where it was created, with
//! the namespace and flags (`timeout`, `broadcast`, rooms) gathered on the way.

use rustc_hash::FxHashMap as HashMap;

use super::{Linker, MAX_DEPTH};
use crate::facts::{Callee, ExportValue, FuncId, Op, Origin, Side, SocketRef, TypedSocket};
use crate::graph::{FileId, Ns, SourceFile};
use crate::resolve::Resolver;

/// What a resolved socket value is, which decides the side of its sites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
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
pub(super) struct SocketValue {
    pub(super) kind: Kind,
    pub(super) ns: Ns,
    pub(super) timeout: bool,
    /// A client created with `retries`: see [`crate::graph::EmitSite::retried`].
    pub(super) retries: bool,
    /// `socket.broadcast` / `socket.to(room)`: everyone but the sender.
    pub(super) excludes_sender: bool,
    pub(super) rooms: bool,
}

impl SocketValue {
    pub(super) fn new(kind: Kind, ns: Ns) -> SocketValue {
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

impl<'a> Linker<'a> {
    /// What a socket reference resolves to. Memoised per reference: getters that return
    /// getters would otherwise make this exponential, and a reference met again while
    /// it is being resolved (a cycle) resolves to nothing.
    pub(super) fn socket(&self, file: FileId, socket: &SocketRef, depth: u32) -> Vec<SocketValue> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let key = (file, socket as *const SocketRef as usize);
        if let Some((known, reads_params, withheld)) = self.memo.borrow().get(&key) {
            if *reads_params {
                self.reads_params.set(true);
            }
            if *withheld {
                self.fallback_withheld.set(true);
            }
            return known.clone();
        }
        // An empty answer while it is resolved: a cycle back to it finds nothing. What
        // reads it mid-cycle counts as reading parameters, so that it is resolved again
        // with the rest of the cycle when they change, and as withholding a fallback.
        self.memo.borrow_mut().insert(key, (Vec::new(), true, true));
        let outer = self.reads_params.replace(false);
        let outer_withheld = self.fallback_withheld.replace(false);
        let values = self.resolve_socket(file, socket, depth);
        let reads_params = self.reads_params.get();
        let withheld = self.fallback_withheld.get();
        self.reads_params.set(outer || reads_params);
        self.fallback_withheld.set(outer_withheld || withheld);
        if let Some(slot) = self.memo.borrow_mut().get_mut(&key) {
            slot.0.clone_from(&values);
            slot.1 = reads_params;
            slot.2 = withheld;
        }
        values
    }

    pub(super) fn resolve_socket(
        &self,
        file: FileId,
        socket: &SocketRef,
        depth: u32,
    ) -> Vec<SocketValue> {
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
            Origin::Param { func, index, typed } => {
                let typed =
                    || typed.or_else(|| self.typed_params.get(&(file, *func, *index)).copied());
                match self.read_params().get(&(file, *func, *index)) {
                    Some(values) if !values.is_empty() => values.iter().cloned().collect(),
                    Some(_) if !self.params_settled => {
                        if typed().is_some() {
                            self.fallback_withheld.set(true);
                        }
                        Vec::new()
                    }
                    _ => typed().map(typed_value).into_iter().collect(),
                }
            }
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
            } => match self.read_props().get(&(file, *func, *index, name.clone())) {
                Some(values) if !values.is_empty() => values.iter().cloned().collect(),
                Some(_) if !self.params_settled => {
                    if fallback.is_some() {
                        self.fallback_withheld.set(true);
                    }
                    Vec::new()
                }
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
    pub(super) fn wrapper(&self, file: FileId, callee: &Callee) -> Option<SocketValue> {
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
    pub(super) fn guess(&self) -> Vec<SocketValue> {
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
    pub(super) fn field(&self, file: FileId, name: &str, depth: u32) -> Vec<SocketValue> {
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

    pub(super) fn returned(&self, file: FileId, callee: &Callee) -> Vec<(FileId, &'a SocketRef)> {
        let returns = |file: FileId, id: FuncId| {
            self.files[file]
                .facts
                .functions
                .get(id as usize)
                .and_then(|f| f.returns.as_deref())
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
                .get(name.as_str())
                .into_iter()
                .flatten()
                .filter_map(|&(f, id)| returns(f, id))
                .collect(),
        }
    }

    pub(super) fn apply(
        &self,
        file: FileId,
        mut value: SocketValue,
        op: &Op,
    ) -> Option<SocketValue> {
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
pub(super) fn imported_param_types(
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

pub(super) fn typed_value(typed: TypedSocket) -> SocketValue {
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
