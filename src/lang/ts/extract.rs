//! The extractor's state: the facts found so far, the scope chain, the functions and
//! classes being walked, and what the prescan learned of the whole file; [`Extractor::run`]
//! and the few questions every part asks (what a name is bound to, a function's id).
//!
//! The walk keeps a lexical scope chain so that `socket` in one function is not mistaken
//! for an unrelated `socket` elsewhere. What a name is bound to is a [`Binding`]; the
//! evaluation of expressions against bindings lives in `sockets.rs` and `names.rs`. The
//! rest of the extractor is `impl Extractor` blocks in the modules after this one (see
//! `mod.rs`): `hoist.rs`, `declarations.rs`, `functions.rs`, `calls.rs`, `sites.rs`,
//! `classes.rs` and the walk itself, `walk.rs`.

use rustc_hash::FxHashMap as HashMap;

use swc_ecma_ast::*;
use swc_ecma_visit::VisitWith;

use super::bindings::{Binding, InstanceOf, MapEntry, Walked};
use super::flow::LocalFns;
use super::parse::to_span;
use super::scopes::Scopes;
use crate::facts::{
    self, CallEffects, FileFacts, FuncId, Function, ListenContext, SocketRef, Value,
};
use crate::lang::Bodies;
use crate::package::SelfPackage;

/// A function being walked.
pub(super) struct Frame {
    pub(super) id: FuncId,
    /// The first `await` directly in this function.
    pub(super) first_await: Option<facts::Span>,
    /// The parameter that is the connected socket, in a connection listener.
    pub(super) connection_param: Option<String>,
    pub(super) context: Option<ListenContext>,
    /// The depth in `scopes` of this function's parameters: a binding found at or
    /// below it (and not a parameter) was declared in this function.
    pub(super) scope_base: usize,
    /// Where the parameters' bindings are in `scopes` (see `Scopes::is_bound_at`).
    pub(super) params: std::ops::Range<usize>,
    /// The event this function is the listener of.
    pub(super) listens_to: Option<Value>,
    /// In a connection listener: the events emitted on its socket, by offset.
    pub(super) emitted: Vec<(u32, Value)>,
    /// Handlers registered here after an `await` (indexes in `facts.handlers`).
    pub(super) late_handlers: Vec<usize>,
    /// The rest parameter (`...args`) and its index, for wrappers that pass it on.
    pub(super) rest: Option<(String, u32)>,
    /// Parameters typed as data (`ev: string`) and their indexes: a wrapper's event name
    /// is often one (`send(ev: string, payload)`).
    pub(super) data_params: Vec<(String, u32)>,
    /// Whether what a call of this function may throw is recorded: only for a named
    /// function (others cannot be called from elsewhere) that is not `async` (which
    /// rejects instead).
    pub(super) reads_throws: bool,
    /// How many `try` blocks with a `catch`, and class bodies, enclose the walk within
    /// this function: a throw there does not leave it.
    pub(super) sheltered: u32,
}

pub(super) struct Extractor<'a> {
    pub(super) facts: FileFacts,
    pub(super) len: u32,
    pub(super) scopes: Scopes,
    /// The functions being walked, innermost last.
    pub(super) frames: Vec<Frame>,
    /// Top-level functions of the file, for looking into `helper(callback)`.
    pub(super) locals: LocalFns<'a>,
    /// Calls that are directly awaited, by start offset: the `await` expression.
    pub(super) awaited: HashMap<u32, facts::Span>,
    /// What the function starting at an offset is the listener of.
    pub(super) contexts: HashMap<u32, ListenContext>,
    /// The event each listener function (by start offset) listens to.
    pub(super) listener_events: HashMap<u32, Value>,
    /// `resolve`/`reject` names of the promise executors being walked.
    pub(super) resolvers: Vec<Vec<String>>,
    /// `this.x` sockets of the classes being walked, innermost last.
    pub(super) classes: Vec<HashMap<String, SocketRef>>,
    /// `this.x` fields of the same classes known to hold something else (`Foreign`).
    pub(super) foreign_fields: Vec<rustc_hash::FxHashSet<String>>,
    /// `this.x` fields of the same classes known to hold data, never a function.
    pub(super) data_fields: Vec<rustc_hash::FxHashSet<String>>,
    /// `this.x` fields of the same classes holding arrays of sockets, by the element.
    pub(super) class_arrays: Vec<HashMap<String, SocketRef>>,
    pub(super) func_ids: HashMap<u32, FuncId>,
    /// Socket values for the parameters of a callback about to be walked, by its start.
    pub(super) param_hints: HashMap<u32, Vec<(u32, SocketRef)>>,
    /// The name the next function expression gets (`const onMessage = () => ...`).
    pub(super) pending_name: Option<String>,
    /// The names of the classes being walked (`None` for an anonymous one): a
    /// constructor is a function named after its class (see `constructors.rs`).
    pub(super) constructor_names: Vec<Option<String>>,
    /// `x = io(...)` assignments anywhere in the file, for `let x;` declared apart.
    pub(super) assigned: HashMap<String, SocketRef>,
    /// Names assigned a value of a known other origin anywhere in the file
    /// (`socket = new WebSocket(url)`): not to be guessed sockets by name.
    pub(super) assigned_foreign: rustc_hash::FxHashSet<String>,
    /// React state setters by name, with the state each sets: `setSocket` → `socket`.
    pub(super) state_setters: HashMap<String, String>,
    /// `holder.prop = io(...)` on a plain local object anywhere in the file, by
    /// (holder, prop): a React ref (`socketRef.current = io(url)`, or
    /// `useRef(io(url))`) or a state object.
    pub(super) member_assigned: HashMap<(String, String), SocketRef>,
    /// A `.d.ts` file: read for constants, never for sites.
    pub(super) declarations_only: bool,
    /// Whether function bodies are summarized now (see `lang::Bodies`).
    pub(super) bodies: Bodies,
    /// The file names Tauri's JS API (`@tauri-apps/api...`): only then can a call be
    /// one of its calls, and most files' calls are spared the look-up.
    pub(super) names_tauri_api: bool,
    /// In a file that names Tauri's API: the tests of names the walk is under, by
    /// the name tested (`if (cmd.startsWith("plugin:")) { here }`), for the invokes
    /// of a wrapper that only passes some names on.
    pub(super) name_tests: Vec<(String, crate::facts::NameTest)>,
    /// Vue/Svelte mount hooks (`onMounted(..)`, `onMount(..)`) by the function they are
    /// called in (`None`: the module, as in `<script setup>`), and the functions with an
    /// unmount hook that removes listeners: see `listeners.rs`.
    pub(super) mount_hooks: Vec<(Option<FuncId>, facts::Span)>,
    pub(super) unmount_cleanups: Vec<Option<FuncId>>,
    /// Mount hooks whose own callback registers an unmount hook that removes listeners.
    pub(super) unmounted_hooks: Vec<facts::Span>,
    /// `const unlisten = listen(..)` without `await`, by the function it is declared in:
    /// the name holds the Promise, and calling it undoes nothing.
    pub(super) listen_promises: Vec<(Option<FuncId>, String)>,
    /// What `invokes::prescan` read of such a file before the walk: its Channels and
    /// what each call's Promise is used for.
    pub(super) tauri: super::invokes::Prescan,
    /// `[sockets]` names from the configuration: calls of these return sockets.
    pub(super) socket_wrappers: &'a [String],
    /// The Socket.IO package this file is part of: its imports of itself are imports
    /// of the package by name.
    pub(super) package: Option<&'a SelfPackage>,
    /// Object and array literals bound to names, for the loops over them (`maps.rs`).
    pub(super) name_maps: HashMap<String, Vec<MapEntry>>,
    /// Blocks of listeners that run once however often the listener does (see
    /// `once_blocks` in `listeners.rs`), as source ranges: registrations there do not
    /// pile up.
    pub(super) once_blocks: Vec<(u32, u32)>,
    /// Flags set to `false` or `null` somewhere in the file (`received = false` on
    /// disconnect): a block guarded by one of them may run again.
    pub(super) cleared_flags: rustc_hash::FxHashSet<String>,
    /// What the callback of `Object.keys(m).forEach(cb)` walks, by the callback's start.
    pub(super) entry_hints: HashMap<u32, Walked>,
    /// Callbacks whose first parameter is an element of an array of strings, by start.
    pub(super) data_hints: rustc_hash::FxHashSet<u32>,
    /// Names assigned anywhere in the file: their initialiser does not tell what they hold.
    pub(super) reassigned: rustc_hash::FxHashSet<String>,
    /// Names whose members are assigned or which are pushed into or `Object.assign`ed
    /// anywhere in the file: a literal they were initialised with is not all they hold.
    pub(super) mutated: rustc_hash::FxHashSet<String>,
    /// Methods of the classes being walked, by name, with where each starts, innermost
    /// last: `this.send(...)`.
    pub(super) class_methods: Vec<HashMap<String, u32>>,
    /// Variables initialised with an instance of a class of the project: `const api =
    /// new Api(socket)` makes `api.emit(...)` a call of `Api`'s method.
    pub(super) instances: HashMap<String, InstanceOf>,
    /// Fields of the classes being walked that hold an instance of a class of the
    /// project, by the field's declared type (`constructor(private api: Api)`, `api!:
    /// Api`), innermost last: `this.api.send(...)` calls `Api`'s method.
    pub(super) field_instances: Vec<HashMap<String, InstanceOf>>,
    /// The methods of the classes declared in this file so far, by class name, with
    /// where each starts.
    pub(super) local_classes: HashMap<String, HashMap<String, u32>>,
    /// What tells, while walking, that a call of a function of this file cannot be a
    /// wrapper's call: see [`Extractor::cannot_wrap`].
    pub(super) wrapping: Wrapping,
}

/// The functions of this file that may be wrappers, as far as the walk has gone: those
/// holding a wrapped site, and those passing their own parameters on to another call.
#[derive(Default)]
pub(super) struct Wrapping {
    /// By function id: its walk has ended, so nothing more can make it a wrapper.
    pub(super) left: Vec<bool>,
    pub(super) passes_params_on: rustc_hash::FxHashSet<FuncId>,
    /// The functions of the first `wrappers_seen` entries of `facts.wrappers`.
    pub(super) with_wrapped_sites: rustc_hash::FxHashSet<FuncId>,
    pub(super) wrappers_seen: usize,
}

impl Wrapping {
    /// Whether function `id` holds a wrapped site or passes its parameters on, as far
    /// as the walk has gone (`with_wrapped_sites` brought up to date first).
    pub(super) fn may_wrap(&self, id: FuncId) -> bool {
        self.passes_params_on.contains(&id) || self.with_wrapped_sites.contains(&id)
    }
}

impl<'a> Extractor<'a> {
    pub(super) fn new(
        len: u32,
        declarations_only: bool,
        socket_wrappers: &'a [String],
        package: Option<&'a SelfPackage>,
    ) -> Extractor<'a> {
        Extractor {
            facts: FileFacts::default(),
            len,
            scopes: Scopes::new(),
            frames: Vec::new(),
            locals: HashMap::default(),
            awaited: HashMap::default(),
            contexts: HashMap::default(),
            listener_events: HashMap::default(),
            resolvers: Vec::new(),
            classes: Vec::new(),
            foreign_fields: Vec::new(),
            data_fields: Vec::new(),
            func_ids: HashMap::default(),
            param_hints: HashMap::default(),
            pending_name: None,
            constructor_names: Vec::new(),
            assigned: HashMap::default(),
            assigned_foreign: rustc_hash::FxHashSet::default(),
            member_assigned: HashMap::default(),
            state_setters: HashMap::default(),
            class_arrays: Vec::new(),
            declarations_only,
            bodies: Bodies::Summarized,
            names_tauri_api: false,
            name_tests: Vec::new(),
            mount_hooks: Vec::new(),
            unmount_cleanups: Vec::new(),
            unmounted_hooks: Vec::new(),
            listen_promises: Vec::new(),
            tauri: Default::default(),
            socket_wrappers,
            package,
            name_maps: HashMap::default(),
            once_blocks: Vec::new(),
            cleared_flags: rustc_hash::FxHashSet::default(),
            entry_hints: HashMap::default(),
            data_hints: rustc_hash::FxHashSet::default(),
            reassigned: rustc_hash::FxHashSet::default(),
            mutated: rustc_hash::FxHashSet::default(),
            class_methods: Vec::new(),
            instances: HashMap::default(),
            field_instances: Vec::new(),
            local_classes: HashMap::default(),
            wrapping: Wrapping::default(),
        }
    }

    /// The parameter `index` of the function starting at `lo` holds `socket`.
    pub(super) fn hint_param(&mut self, lo: u32, index: u32, socket: SocketRef) {
        self.param_hints
            .entry(lo)
            .or_default()
            .push((index, socket));
    }

    pub(super) fn span(&self, span: swc_common::Span) -> facts::Span {
        to_span(span, self.len)
    }

    /// Where a listener registered now runs (an effect, another event's listener).
    pub(super) fn listen_context(&self) -> Option<ListenContext> {
        self.frames.last().and_then(|frame| frame.context.clone())
    }

    pub(super) fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.get(name)
    }

    pub(super) fn bind(&mut self, name: &str, binding: Binding) {
        self.scopes.insert(name, binding);
    }

    pub(super) fn this_field(&self, name: &str) -> Option<&SocketRef> {
        self.classes.last().and_then(|fields| fields.get(name))
    }

    /// The element of `this.name` when that field of the class being walked holds an
    /// array of sockets.
    pub(super) fn this_array(&self, name: &str) -> Option<&SocketRef> {
        self.class_arrays.last().and_then(|arrays| arrays.get(name))
    }

    /// Whether `this.name` of the class being walked holds a value of a known other
    /// origin.
    pub(super) fn this_field_is_foreign(&self, name: &str) -> bool {
        self.foreign_fields
            .last()
            .is_some_and(|fields| fields.contains(name))
    }

    /// An import specifier as the package it names: inside a Socket.IO package, `..`
    /// (or another path to its root or entry point) is the package itself.
    pub(super) fn own_specifier(&self, specifier: String) -> String {
        match self.own_package_name(&specifier) {
            Some(name) => name.to_owned(),
            None => specifier,
        }
    }

    /// The name of the Socket.IO package this file is part of, when `specifier` is
    /// another path to it (see [`Self::own_specifier`]).
    pub(super) fn own_package_name(&self, specifier: &str) -> Option<&'a str> {
        match self.package {
            Some(package) if specifier != package.name && package.is_self(specifier) => {
                Some(&package.name)
            }
            _ => None,
        }
    }

    /// The id of the function starting at `lo`, created on first sight so that hoisted
    /// references and the later walk agree.
    pub(super) fn func_id(&mut self, lo: u32, name: Option<String>) -> FuncId {
        if let Some(&id) = self.func_ids.get(&lo) {
            if let (Some(name), Some(function)) = (name, self.facts.functions.get_mut(id as usize))
            {
                function.name.get_or_insert(name);
            }
            return id;
        }
        let id = self.facts.functions.len() as FuncId;
        self.facts.functions.push(Function {
            name,
            effects: (self.bodies == Bodies::Summarized).then(CallEffects::default),
            ..Function::default()
        });
        self.func_ids.insert(lo, id);
        id
    }

    pub(super) fn run(&mut self, program: &'a Program) {
        self.collect_locals(program);
        self.prescan_assignments(program);
        match program {
            Program::Module(module) => {
                for item in &module.body {
                    self.hoist_module_item(item);
                }
                self.collect_socket_types(module);
                module.visit_with(self);
            }
            Program::Script(script) => {
                self.hoist_stmts(&script.body);
                script.visit_with(self);
            }
        }
        self.drop_raced_promises(program);
        self.settle_unmount_cleanups();
        self.keep_wrapper_calls();
        // The two lists a large file fills by the ten thousand, grown by doubling (and
        // the second thinned just above): the facts are kept until the run ends.
        self.facts.calls.shrink_to_fit();
        self.facts.wrapper_calls.shrink_to_fit();
    }

    /// A promise that never settles on purpose, as one input of a race that has another
    /// (see `races.rs`), is not a finding.
    fn drop_raced_promises(&mut self, program: &Program) {
        if self.facts.promises.is_empty() {
            return;
        }
        let pending = self.facts.promises.iter().map(|p| p.span.start).collect();
        let exempt = super::races::Races::of(program, self.len).exempt(&pending);
        self.facts
            .promises
            .retain(|promise| !exempt.contains(&promise.span.start));
    }

    /// The function being walked.
    pub(super) fn current_function(&self) -> Option<FuncId> {
        self.frames.last().map(|frame| frame.id)
    }

    pub(super) fn declarations_only(&self) -> bool {
        self.declarations_only
    }
}
