//! Tauri v2, the Rust core: the commands a file defines, the `generate_handler!` lists
//! that register them and which `invoke_handler` call installs each list, plugin
//! builders, and the events the core emits and listens to.
//!
//! Standalone for now: [`scan`] reads one parsed file into a [`TauriRust`]; nothing in
//! the pipeline calls it yet (the transport seam that will carry these facts into the
//! graph is being built beside it). Everything here follows what `tauri` 2.0 and
//! `tauri-macros` do (see `shared/reference/api-surface.md` §5):
//! - a command is invoked by its fn name (`generate_handler!` uses the last path
//!   segment); `#[tauri::command]` accepts `rename_all`, `root` and `async`, and no
//!   `rename`, so nothing renames a command;
//! - an argument's key is the parameter name in camelCase, or snake_case under
//!   `rename_all = "snake_case"` (heck's word splitting, reproduced by [`argument_key`]);
//! - a second `invoke_handler` on one builder replaces the first list.
//!
//! Precision: a method call is a Tauri site only in a file that names `tauri` (a `use
//! tauri...`, a `tauri::` path or attribute). The receiver's type is not resolved: in
//! generic code (`fn notify<R: Runtime>(app: &AppHandle<R>)`, `impl Emitter`) the
//! receiver is often a parameter of an unnamed type, so `emit`/`listen` calls are
//! accepted by method name, arity and a string-like event-name argument. A file that
//! imports both tauri and socketioxide would see a socketioxide `emit("x", data)` here
//! too; the linker is expected to drop a site another front-end already claimed.
//!
//! Not read (seen on real apps, left to the linker or for later): a `Channel` kept in a
//! struct field and sent from elsewhere; an event name bound by a tuple pattern
//! (`let (name, payload) = ..`); sites written inside macro bodies other than
//! `generate_handler!` (a `macro_rules!` that declares commands is only noted, in
//! [`TauriRust::command_macros`]); a list returned by a fn of another file is named by
//! [`HandlerArg::Returned`] and [`HandlerList::returned_by`] for the linker to pair.

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::visit::{self, Visit};
use syn::{Expr, FnArg, Lit, Pat, Token, Type, UseTree};

use super::syntax::{is_const_name, to_span};
use crate::facts::{RUST_CONST, Span, Value};

/// What one Rust file holds of Tauri's wiring.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TauriRust {
    /// The file names `tauri`: its method calls were read as Tauri sites.
    pub uses_tauri: bool,
    pub commands: Vec<Command>,
    /// `macro_rules!` definitions whose body declares `#[tauri::command]`s: the commands
    /// they make are not in `commands`, so a list entry without a fn may be one of them.
    pub command_macros: Vec<Span>,
    /// Every `generate_handler![...]`, in source order.
    pub handler_lists: Vec<HandlerList>,
    /// Every `tauri::Builder` / `tauri::plugin::Builder` chain that calls
    /// `invoke_handler`, or that a later statement may extend.
    pub builders: Vec<BuilderChain>,
    pub emits: Vec<RustEmit>,
    pub listens: Vec<RustListen>,
    /// `x.unlisten(id)` calls.
    pub unlistens: Vec<RustUnlisten>,
    pub channel_sends: Vec<ChannelSend>,
}

/// A `#[tauri::command]` fn.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Command {
    /// What `invoke` names: the fn's identifier (raw `r#` dropped).
    pub name: String,
    /// The inline `mod`s of this file around the fn (`mod cmds { ... }` → `["cmds"]`).
    pub module_path: Vec<String>,
    /// The `#[cfg(..)]`s on the fn, its inline modules and the file (`#![cfg(..)]`), as
    /// written: commands of one name under exclusive cfgs (one module per OS) are one
    /// command in any build, not duplicates.
    pub cfgs: Vec<String>,
    /// The fn's identifier.
    pub span: Span,
    pub argument_case: ArgumentCase,
    /// `async fn`, or `#[tauri::command(async)]` (a sync fn run on the thread pool).
    pub is_async: bool,
    pub returns: Returns,
    /// The types written in the return type, whitespace collapsed: for a `Result`, its
    /// `Ok` and `Err` arguments (`Err` absent for an alias that fixes it, `tauri::Result<T>`
    /// or `CmdResult<T>`); for any other type, the type in `ok`. What `trace` says the
    /// invoke resolves or rejects with.
    #[serde(default)]
    pub output: ReturnTypes,
    /// Every parameter in order, injected ones included (see [`ParamKind`]).
    pub params: Vec<CommandParam>,
}

/// See [`Command::output`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnTypes {
    pub ok: Option<String>,
    pub err: Option<String>,
}

impl Command {
    /// The keys the webview must send: the parameters that are not injected.
    pub fn argument_params(&self) -> impl Iterator<Item = &CommandParam> {
        self.params
            .iter()
            .filter(|param| param.kind != ParamKind::Injected)
    }
}

/// How Tauri turns parameter names into argument keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArgumentCase {
    /// The default: `user_id` is read from `{ userId }`.
    Camel,
    /// `#[tauri::command(rename_all = "snake_case")]`.
    Snake,
}

/// What a command's promise resolves or rejects with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Returns {
    /// No return type: resolves with `null`.
    Unit,
    /// `Result<..>`, `tauri::Result<..>`, or an alias whose name ends in `Result`
    /// (`CmdResult<T>`): `Err` rejects the invoke.
    Result,
    /// Any other type: always resolves.
    Value,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommandParam {
    /// The parameter as written (`user_id`).
    pub rust_name: String,
    /// The key the argument object must carry (`userId`).
    pub key: String,
    pub kind: ParamKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParamKind {
    /// Read from the argument object; missing → the invoke rejects.
    Required,
    /// `Option<T>`: may be missing.
    Optional,
    /// `Channel<T>` (`tauri::ipc::Channel`): the webview passes `new Channel()` under
    /// this key; required.
    Channel,
    /// Supplied by Tauri, never by the webview: `AppHandle`, `Window`, `Webview`,
    /// `WebviewWindow`, `State<..>`, `ipc::Request`, `CommandScope`, `GlobalScope`.
    Injected,
}

/// One `generate_handler![...]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandlerList {
    /// The whole macro call.
    pub span: Span,
    pub entries: Vec<HandlerEntry>,
    /// The tokens are not a list of paths: what it registers is unknown.
    pub opaque: bool,
    pub installed: Installed,
    /// The fn that returns this list (`fn handlers() -> impl Fn(Invoke) -> bool {
    /// generate_handler![..] }`), for an `invoke_handler(handlers())` in another file.
    pub returned_by: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandlerEntry {
    /// The command name: the last path segment.
    pub name: String,
    /// The path as written, `::`-joined (`commands::notes::save_note`).
    pub path: String,
    /// The `#[cfg(...)]` in front of the entry, as written: the command exists only in
    /// some builds.
    pub cfg: Option<String>,
    pub span: Span,
}

/// Whether a `generate_handler!` list reaches an `invoke_handler` in this file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Installed {
    /// Passed to the last `invoke_handler` of builder `builder` (index in
    /// [`TauriRust::builders`]).
    Live { builder: usize },
    /// Passed to an `invoke_handler` that a later call on the same builder replaces.
    Replaced { builder: usize, by: Span },
    /// Not passed to an `invoke_handler` in this file (returned from a fn, stored):
    /// whether it is live is for the linker to find out, or unknown.
    Unseen,
}

/// A builder chain: `tauri::Builder::default()...`, `tauri::plugin::Builder::new("x")...`,
/// or a builder the file receives (`fn add(builder: tauri::Builder<R>)`, `self`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuilderChain {
    pub kind: BuilderKind,
    /// Where the chain starts: the constructor call, or the first use of a received
    /// builder.
    pub span: Span,
    /// Its `invoke_handler` calls in source order; only the last one is live.
    pub invoke_handlers: Vec<InvokeHandler>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BuilderKind {
    /// `tauri::Builder::default()` / `::new()`: commands invoked by their own name.
    App,
    /// `tauri::plugin::Builder::new(name)`: its commands are invoked as
    /// `plugin:<name>|<command>`.
    Plugin { name: Value },
    /// A builder whose construction this file does not show (a parameter, `self`).
    Received,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvokeHandler {
    /// The `.invoke_handler(...)` call.
    pub span: Span,
    pub handler: HandlerArg,
    /// This is the chain's last `invoke_handler`, the one in force.
    pub live: bool,
    /// The call sits in an `if`/`match`/loop of its function, so it may not run and
    /// "a later call replaces an earlier one" is only a may.
    pub conditional: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum HandlerArg {
    /// A `generate_handler!` (index in [`TauriRust::handler_lists`]), written in the
    /// call or bound to a local first.
    List(usize),
    /// A call of a fn (`app_init::generate_handlers()`): the list that fn returns, in
    /// this file (then resolved to [`HandlerArg::List`]) or another one.
    Returned { function: String },
    /// Anything else: a closure, a local fn, `specta_builder.invoke_handler()`.
    Other,
}

/// `emit`, `emit_to`, `emit_filter`, `emit_str`, `emit_str_to`, `emit_str_filter`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RustEmit {
    pub method: String,
    /// The event name: a literal, a `const` of this file (the literal at its
    /// definition), a constant defined elsewhere ([`RUST_CONST`]), or unknown.
    pub name: Value,
    pub target: EmitTarget,
    pub receiver: Receiver,
    pub span: Span,
}

/// Which listeners an emit reaches (`emit_to`'s first argument).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EmitTarget {
    /// `emit`, `emit_to(EventTarget::Any, ..)`: every listener.
    All,
    /// `emit_to("main", ..)` or `EventTarget::labeled(..)`/`AnyLabel { .. }`: any window,
    /// webview or webview-window listener with that label.
    AnyLabel(Value),
    /// `EventTarget::App`: Rust listeners registered on `App`/`AppHandle`.
    App,
    /// `EventTarget::window(..)`: listeners registered with exactly that target.
    Window(Value),
    Webview(Value),
    WebviewWindow(Value),
    /// `emit_filter(.., |target| ..)`: decided at run time.
    Filter,
    /// A target expression this file cannot read.
    Unknown,
}

/// What an `emit`/`listen` is called on, as far as this file shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receiver {
    pub kind: ReceiverKind,
    /// `app.get_webview_window("main")` → the label.
    pub label: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReceiverKind {
    App,
    AppHandle,
    Window,
    Webview,
    WebviewWindow,
    Unknown,
}

/// `listen`, `once`, `listen_any`, `once_any`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RustListen {
    pub method: String,
    pub name: Value,
    pub receiver: Receiver,
    pub span: Span,
}

impl RustListen {
    /// `listen_any`/`once_any` receive every emit of the name, whatever its target.
    pub fn is_any(&self) -> bool {
        self.method.ends_with("_any")
    }
}

/// `x.unlisten(id)`: removes the one listener whose `EventId` `id` is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RustUnlisten {
    pub span: Span,
    /// The event of the listener removed, when `id` is bound from a `listen` of this
    /// function (`let id = app.listen("x", ..)`); unknown otherwise.
    pub name: Value,
}

/// `channel.send(data)` on a `Channel<T>` parameter or binding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelSend {
    /// The channel's name where it is sent (`on_event`).
    pub channel: String,
    /// The command whose parameter the channel is, when the send is in its body.
    pub command: Option<String>,
    pub span: Span,
}

/// Reads one parsed file. `text` is the source the file was parsed from (for spans);
/// `consts` the file's string constants, as the Rust extractor read them
/// (`Value::Literal` by name, the first of a name).
pub fn scan(file: &syn::File, text: &str, consts: &HashMap<String, Value>) -> TauriRust {
    let mut pre = PrePass::default();
    pre.visit_file(file);
    let mut scanner = Scanner {
        text,
        len: text.len() as u32,
        imports: pre.imports,
        globs: pre.globs,
        consts,
        local_types: pre.local_types,
        facts: TauriRust {
            uses_tauri: pre.uses_tauri,
            ..TauriRust::default()
        },
        scopes: vec![Scope::default()],
        modules: Vec::new(),
        module_cfgs: Vec::new(),
        chain_roots: HashMap::default(),
        lists_by_span: HashMap::default(),
        branch_depth: vec![0],
        received_params: HashMap::default(),
        passed_builders: Vec::new(),
        received_plugin_params: Vec::new(),
        setup_closures: Vec::new(),
    };
    if scanner.facts.uses_tauri {
        scanner.visit_file(file);
        scanner.settle_received_builders();
        scanner.settle_invoke_handlers();
    }
    scanner.facts
}

/// Names and constants gathered before the walk, so that the walk can resolve a name
/// used above its `use` or `const`.
#[derive(Default)]
struct PrePass {
    uses_tauri: bool,
    /// Local name → the full path it imports (`PluginBuilder` → `tauri::plugin::Builder`).
    imports: HashMap<String, Vec<String>>,
    /// `use x::y::*` prefixes.
    globs: Vec<Vec<String>>,
    /// Structs, enums and type aliases of this file: a local `State` is not Tauri's.
    local_types: Vec<String>,
}

impl<'ast> Visit<'ast> for PrePass {
    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        let mut prefix = Vec::new();
        collect_use(&item.tree, &mut prefix, &mut self.imports, &mut self.globs);
        visit::visit_item_use(self, item);
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        if path
            .segments
            .first()
            .is_some_and(|segment| segment.ident == "tauri")
        {
            self.uses_tauri = true;
        }
        visit::visit_path(self, path);
    }

    fn visit_use_path(&mut self, path: &'ast syn::UsePath) {
        if path.ident == "tauri" {
            self.uses_tauri = true;
        }
        visit::visit_use_path(self, path);
    }

    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if item.mac.path.is_ident("macro_rules") && declares_command(&item.mac.tokens) {
            self.uses_tauri = true;
        }
        visit::visit_item_macro(self, item);
    }

    fn visit_item_struct(&mut self, item: &'ast syn::ItemStruct) {
        self.local_types.push(item.ident.to_string());
        visit::visit_item_struct(self, item);
    }

    fn visit_item_enum(&mut self, item: &'ast syn::ItemEnum) {
        self.local_types.push(item.ident.to_string());
        visit::visit_item_enum(self, item);
    }

    fn visit_item_type(&mut self, item: &'ast syn::ItemType) {
        self.local_types.push(item.ident.to_string());
        visit::visit_item_type(self, item);
    }
}

fn collect_use(
    tree: &UseTree,
    prefix: &mut Vec<String>,
    imports: &mut HashMap<String, Vec<String>>,
    globs: &mut Vec<Vec<String>>,
) {
    match tree {
        UseTree::Path(path) => {
            prefix.push(path.ident.to_string());
            collect_use(&path.tree, prefix, imports, globs);
            prefix.pop();
        }
        UseTree::Name(name) => {
            let ident = name.ident.to_string();
            if ident == "self" {
                if let Some(last) = prefix.last() {
                    imports.insert(last.clone(), prefix.clone());
                }
            } else {
                let mut full = prefix.clone();
                full.push(ident.clone());
                imports.insert(ident, full);
            }
        }
        UseTree::Rename(rename) => {
            let mut full = prefix.clone();
            if rename.ident != "self" {
                full.push(rename.ident.to_string());
            }
            imports.insert(rename.rename.to_string(), full);
        }
        UseTree::Glob(_) => globs.push(prefix.clone()),
        UseTree::Group(group) => {
            for item in &group.items {
                collect_use(item, prefix, imports, globs);
            }
        }
    }
}

/// What a function or closure knows of its names.
#[derive(Default)]
struct Scope {
    /// Parameter and `let` names → the last segment of their declared type (`Channel`,
    /// `AppHandle`, `WebviewWindow`, ...), or of what made them.
    types: HashMap<String, String>,
    /// Names bound to a builder chain (index in `builders`).
    chains: HashMap<String, usize>,
    /// Names bound to a `generate_handler!` (index in `handler_lists`).
    lists: HashMap<String, usize>,
    /// The command whose body this is.
    command: Option<String>,
    /// Labels of `get_webview_window("main")`-like bindings.
    labels: HashMap<String, Value>,
    /// `let target = EventTarget::labeled(..)`.
    targets: HashMap<String, EmitTarget>,
    /// The fn this scope is the body of (none for a closure or the file), and its
    /// parameter names in order: a builder parameter is matched with the builders the
    /// file's calls of that fn pass at its position.
    function: Option<String>,
    params: Vec<String>,
    /// Parameters declared as `tauri::plugin::Builder<R>`.
    plugin_params: Vec<String>,
    /// `let id = app.listen("x", ..)`: `id` → the event its listener receives.
    listen_ids: HashMap<String, Value>,
}

struct Scanner<'t> {
    text: &'t str,
    len: u32,
    imports: HashMap<String, Vec<String>>,
    globs: Vec<Vec<String>>,
    consts: &'t HashMap<String, Value>,
    local_types: Vec<String>,
    facts: TauriRust,
    scopes: Vec<Scope>,
    modules: Vec<String>,
    /// The `#[cfg(..)]`s of the file and of the inline modules being walked.
    module_cfgs: Vec<String>,
    /// A builder constructor's span start → its chain, so that every call of one chain
    /// expression finds the same builder.
    chain_roots: HashMap<u32, usize>,
    /// A `generate_handler!`'s span start → its list.
    lists_by_span: HashMap<u32, usize>,
    /// `if`/`match`/loop nesting, one counter per function.
    branch_depth: Vec<u32>,
    /// A received builder (index in `builders`) that is parameter `position` of fn
    /// `function` of this file → (function, position).
    received_params: HashMap<usize, (String, usize)>,
    /// `helper(builder)` / `Self::helper(builder)` / `self.helper(builder)`: the builders
    /// this file hands to a fn, as (function, position, builder).
    passed_builders: Vec<(String, usize, usize)>,
    /// Received builders whose parameter is declared `tauri::plugin::Builder`.
    received_plugin_params: Vec<usize>,
    /// The closures handed to a builder's `.setup(..)`, by address: their untyped first
    /// parameter is the app (`|app| ..` is `&mut App`; a plugin's `|app, api| ..`,
    /// `&AppHandle`).
    setup_closures: Vec<usize>,
}

/// The receiver-independent method names of `tauri::Emitter`, with their arity and the
/// position of the event name.
const EMIT_METHODS: [(&str, usize, usize); 6] = [
    ("emit", 2, 0),
    ("emit_str", 2, 0),
    ("emit_to", 3, 1),
    ("emit_str_to", 3, 1),
    ("emit_filter", 3, 0),
    ("emit_str_filter", 3, 0),
];

const LISTEN_METHODS: [&str; 4] = ["listen", "once", "listen_any", "once_any"];

/// Parameter types Tauri supplies itself, unambiguous enough to trust by name unless
/// the file defines a type of that name.
const INJECTED_BY_NAME: [&str; 7] = [
    "AppHandle",
    "Window",
    "Webview",
    "WebviewWindow",
    "State",
    "CommandScope",
    "GlobalScope",
];

/// Injected only when the path says it is Tauri's (`tauri::ipc::Request`, or `Request`
/// imported from `tauri`): `Request` is a common name for a deserialized argument.
const INJECTED_BY_PATH: [&str; 2] = ["Request", "InvokeMessage"];

impl Scanner<'_> {
    fn span(&self, node: &impl Spanned) -> Span {
        to_span(node.span(), self.len)
    }

    /// A method call's site: from the `.` when the receiver ends on an earlier line (a
    /// builder chain written one call a line), else the whole call.
    fn call_span(&self, call: &syn::ExprMethodCall) -> Span {
        let whole = self.span(call);
        let dot = self.span(&call.dot_token).start;
        let before = self
            .text
            .get(whole.start as usize..dot as usize)
            .unwrap_or("");
        if before.contains('\n') {
            Span::new(dot, whole.end)
        } else {
            whole
        }
    }

    /// A path with its first segment replaced by what the file imports under that name.
    fn resolve(&self, path: &syn::Path) -> Vec<String> {
        let segments: Vec<String> = path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect();
        let Some(first) = segments.first() else {
            return segments;
        };
        match self.imports.get(first) {
            Some(full) => full.iter().cloned().chain(segments[1..].to_vec()).collect(),
            None => {
                // `use tauri::*` / `use tauri::plugin::*` bring the first segment in.
                let from_glob = self.globs.iter().find(|prefix| {
                    prefix.first().is_some_and(|root| root == "tauri")
                        && glob_exports(prefix, first)
                });
                match from_glob {
                    Some(prefix) => prefix.iter().cloned().chain(segments).collect(),
                    None => segments,
                }
            }
        }
    }

    fn scope(&mut self) -> &mut Scope {
        // The stack starts with the file's scope and is never emptied below it.
        let last = self.scopes.len().saturating_sub(1);
        &mut self.scopes[last]
    }

    fn lookup<T: Clone>(&self, pick: impl Fn(&Scope) -> Option<&T>) -> Option<T> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| pick(scope).cloned())
    }

    fn enter_fn(
        &mut self,
        function: Option<String>,
        inputs: Vec<(String, &Type)>,
        command: Option<String>,
    ) {
        let mut scope = Scope {
            command,
            params: if function.is_some() {
                inputs.iter().map(|(name, _)| name.clone()).collect()
            } else {
                Vec::new()
            },
            function,
            ..Scope::default()
        };
        for (name, ty) in inputs {
            if let Type::Path(path) = strip_type(ty)
                && self.resolve(&path.path) == ["tauri", "plugin", "Builder"]
            {
                scope.plugin_params.push(name.clone());
            }
            if let Some(last) = type_last_ident(ty) {
                scope.types.insert(name, last);
            }
        }
        self.scopes.push(scope);
        self.branch_depth.push(0);
    }

    fn leave_fn(&mut self) {
        if self.scopes.len() > 1 {
            self.scopes.pop();
        }
        if self.branch_depth.len() > 1 {
            self.branch_depth.pop();
        }
    }

    fn in_branch(&self) -> bool {
        self.branch_depth.last().is_some_and(|depth| *depth > 0)
    }

    fn with_branch(&mut self, walk: impl FnOnce(&mut Self)) {
        if let Some(depth) = self.branch_depth.last_mut() {
            *depth += 1;
        }
        walk(self);
        if let Some(depth) = self.branch_depth.last_mut() {
            *depth = depth.saturating_sub(1);
        }
    }

    // ---- commands -------------------------------------------------------------------

    /// `#[tauri::command]`, or `#[command]` imported from tauri, with its options.
    fn command_attr(&self, attrs: &[syn::Attribute]) -> Option<CommandOptions> {
        attrs.iter().find_map(|attr| {
            let resolved = self.resolve(attr.path());
            if resolved != ["tauri", "command"] {
                return None;
            }
            match &attr.meta {
                syn::Meta::List(list) => Some(
                    list.parse_args_with(Punctuated::<CommandOption, Token![,]>::parse_terminated)
                        .map(|options| CommandOptions::from(options.iter()))
                        .unwrap_or_default(),
                ),
                _ => Some(CommandOptions::default()),
            }
        })
    }

    /// The `#[cfg(..)]` attributes of an item, as written.
    fn cfgs(&self, attrs: &[syn::Attribute]) -> Vec<String> {
        attrs
            .iter()
            .filter(|attr| attr.path().is_ident("cfg"))
            .map(|attr| self.source(self.span(attr)).to_owned())
            .collect()
    }

    fn command(&self, item: &syn::ItemFn, options: CommandOptions) -> Command {
        let case = options.argument_case;
        let params = item
            .sig
            .inputs
            .iter()
            .filter_map(|input| match input {
                FnArg::Typed(typed) => Some(typed),
                FnArg::Receiver(_) => None,
            })
            .map(|typed| {
                let rust_name = param_key_source(&typed.pat);
                CommandParam {
                    key: argument_key(&rust_name, case),
                    kind: self.param_kind(&typed.ty),
                    span: self.span(&typed.pat),
                    rust_name,
                }
            })
            .collect();
        Command {
            name: unraw(&item.sig.ident),
            module_path: self.modules.clone(),
            cfgs: self
                .module_cfgs
                .iter()
                .cloned()
                .chain(self.cfgs(&item.attrs))
                .collect(),
            span: self.span(&item.sig.ident),
            argument_case: case,
            is_async: item.sig.asyncness.is_some() || options.is_async,
            returns: returns(&item.sig.output),
            output: self.return_types(&item.sig.output),
            params,
        }
    }

    /// The `Ok`/`Err` types of a command's return type, as written (see
    /// [`Command::output`]).
    fn return_types(&self, output: &syn::ReturnType) -> ReturnTypes {
        let syn::ReturnType::Type(_, ty) = output else {
            return ReturnTypes::default();
        };
        let written = |node: &Type| {
            let span = self.span(node);
            self.text
                .get(span.start as usize..span.end as usize)
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        };
        if returns(output) == Returns::Result
            && let Type::Path(path) = strip_type(ty)
            && let Some(last) = path.path.segments.last()
            && let syn::PathArguments::AngleBracketed(arguments) = &last.arguments
        {
            let mut types = arguments.args.iter().filter_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => Some(ty),
                _ => None,
            });
            return ReturnTypes {
                ok: types.next().and_then(&written),
                err: types.next().and_then(&written),
            };
        }
        ReturnTypes {
            ok: written(ty),
            err: None,
        }
    }

    fn param_kind(&self, ty: &Type) -> ParamKind {
        let ty = strip_type(ty);
        let Type::Path(type_path) = ty else {
            return ParamKind::Required;
        };
        let Some(last) = type_path.path.segments.last() else {
            return ParamKind::Required;
        };
        let ident = last.ident.to_string();
        let resolved = self.resolve(&type_path.path);
        let tauri_path = resolved.first().is_some_and(|root| root == "tauri");
        // `State` imported from axum, or a `Window` struct of this file, is not Tauri's;
        // a bare name of unknown origin is (a prelude, a re-export).
        let other_origin = self.local_types.contains(&ident)
            || resolved.len() > 1
                && !matches!(resolved[0].as_str(), "tauri" | "crate" | "self" | "super");
        if INJECTED_BY_PATH.contains(&ident.as_str()) && tauri_path
            || INJECTED_BY_NAME.contains(&ident.as_str()) && (tauri_path || !other_origin)
        {
            return ParamKind::Injected;
        }
        match ident.as_str() {
            "Option" => ParamKind::Optional,
            "Channel" => ParamKind::Channel,
            _ => ParamKind::Required,
        }
    }

    // ---- generate_handler! and invoke_handler ----------------------------------------

    fn handler_list(&mut self, mac: &syn::Macro) {
        let span = self.span(mac);
        let parsed = mac.parse_body_with(Punctuated::<ListEntry, Token![,]>::parse_terminated);
        let (entries, opaque) = match parsed {
            Ok(entries) => (
                entries
                    .iter()
                    .filter_map(|entry| self.handler_entry(entry))
                    .collect(),
                false,
            ),
            Err(_) => (Vec::new(), true),
        };
        self.lists_by_span
            .insert(span.start, self.facts.handler_lists.len());
        self.facts.handler_lists.push(HandlerList {
            span,
            entries,
            opaque,
            installed: Installed::Unseen,
            returned_by: None,
        });
    }

    fn handler_entry(&self, entry: &ListEntry) -> Option<HandlerEntry> {
        let name = entry
            .path
            .segments
            .last()
            .map(|segment| unraw(&segment.ident))?;
        let path = entry
            .path
            .segments
            .iter()
            .map(|segment| unraw(&segment.ident))
            .collect::<Vec<_>>()
            .join("::");
        let cfg = entry
            .attrs
            .iter()
            .find(|attr| attr.path().is_ident("cfg"))
            .map(|attr| self.source(self.span(attr)).to_owned());
        Some(HandlerEntry {
            name,
            path,
            cfg,
            span: self.span(&entry.path),
        })
    }

    fn source(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// The builder a chain of method calls starts from, creating it on first sight.
    fn chain_of(&mut self, expr: &Expr) -> Option<usize> {
        let mut root = strip_expr(expr);
        while let Expr::MethodCall(call) = root {
            root = strip_expr(&call.receiver);
        }
        match root {
            Expr::Call(call) => {
                let Expr::Path(func) = strip_expr(&call.func) else {
                    return None;
                };
                let Some(kind) = self.builder_kind(&func.path, &call.args) else {
                    // `setup_plugins(tauri::Builder::default())`: a helper that takes the
                    // builder and hands it back extended.
                    let passed = call.args.iter().find(|arg| self.builder_expr(arg))?;
                    return self.chain_of(passed);
                };
                let span = self.span(call);
                if let Some(&index) = self.chain_roots.get(&span.start) {
                    return Some(index);
                }
                let index = self.push_builder(kind, span);
                self.chain_roots.insert(span.start, index);
                Some(index)
            }
            Expr::Path(path) => {
                let name = path.path.get_ident()?.to_string();
                if let Some(index) = self.lookup(|scope| scope.chains.get(&name)) {
                    return Some(index);
                }
                // A builder this function receives (`builder`, `self`): only worth a
                // chain when something is installed on it, which the caller checks.
                let index = self.push_builder(BuilderKind::Received, self.span(path));
                if let Some(param) = self.param_position(&name) {
                    self.received_params.insert(index, param);
                }
                if self
                    .scopes
                    .iter()
                    .rev()
                    .find(|scope| scope.function.is_some())
                    .is_some_and(|scope| scope.plugin_params.contains(&name))
                {
                    self.received_plugin_params.push(index);
                }
                self.scope().chains.insert(name, index);
                Some(index)
            }
            _ => None,
        }
    }

    /// The fn parameter `name` is, as (fn, position), unless a closure parameter or a
    /// `let` of an inner scope shadows it.
    fn param_position(&self, name: &str) -> Option<(String, usize)> {
        for scope in self.scopes.iter().rev() {
            if let Some(position) = scope.params.iter().position(|param| param == name) {
                return Some((scope.function.clone()?, position));
            }
            if scope.types.contains_key(name) || scope.chains.contains_key(name) {
                return None;
            }
        }
        None
    }

    /// `helper(builder)`, `Self::helper(builder)`, `self.helper(builder)`: notes each
    /// builder handed to a fn by name, so that the fn's received builder can take its
    /// kind (a plugin's name is often given where the fn that installs its commands is
    /// called).
    fn note_passed_builders<'e>(&mut self, function: String, args: impl Iterator<Item = &'e Expr>) {
        for (position, arg) in args.enumerate() {
            if self.builder_expr(arg)
                && let Some(builder) = self.chain_of(arg)
            {
                self.passed_builders
                    .push((function.clone(), position, builder));
            }
        }
    }

    /// A received builder takes the kind of what the file's calls pass in its place,
    /// when they all agree (`fn install(builder: PluginBuilder<R>)` called with
    /// `PluginBuilder::new("stronghold")`). Plugin builders that disagree, or a
    /// parameter declared `tauri::plugin::Builder` that no call of this file fills, are
    /// plugins of a name this file does not tell.
    fn settle_received_builders(&mut self) {
        // A few rounds follow a builder handed down through nested helpers.
        for _ in 0..4 {
            let mut changed = false;
            // In builder order, so that the result does not depend on hashing.
            let mut received: Vec<(usize, &(String, usize))> = self
                .received_params
                .iter()
                .map(|(builder, param)| (*builder, param))
                .collect();
            received.sort_unstable_by_key(|(builder, _)| *builder);
            for (builder, (function, position)) in received {
                // One nothing is installed on is dropped by `settle_invoke_handlers`.
                let chain = &self.facts.builders[builder];
                if chain.kind != BuilderKind::Received || chain.invoke_handlers.is_empty() {
                    continue;
                }
                let mut kinds = self
                    .passed_builders
                    .iter()
                    .filter(|(f, p, _)| f == function && p == position)
                    .map(|(_, _, passed)| &self.facts.builders[*passed].kind)
                    .filter(|kind| **kind != BuilderKind::Received);
                let Some(first) = kinds.next().cloned() else {
                    continue;
                };
                let kind = if kinds.all(|kind| *kind == first) {
                    first
                } else {
                    BuilderKind::Plugin {
                        name: Value::Unknown,
                    }
                };
                self.facts.builders[builder].kind = kind;
                changed = true;
            }
            if !changed {
                break;
            }
        }
        for builder in self.received_plugin_params.iter().copied() {
            let chain = &self.facts.builders[builder];
            if chain.kind == BuilderKind::Received && !chain.invoke_handlers.is_empty() {
                self.facts.builders[builder].kind = BuilderKind::Plugin {
                    name: Value::Unknown,
                };
            }
        }
    }

    fn push_builder(&mut self, kind: BuilderKind, span: Span) -> usize {
        self.facts.builders.push(BuilderChain {
            kind,
            span,
            invoke_handlers: Vec::new(),
        });
        self.facts.builders.len() - 1
    }

    /// `tauri::Builder::default()`/`new()` or `tauri::plugin::Builder::new(name)`.
    fn builder_kind(
        &self,
        path: &syn::Path,
        args: &Punctuated<Expr, Token![,]>,
    ) -> Option<BuilderKind> {
        let resolved = self.resolve(path);
        let (constructor, type_path) = resolved.split_last()?;
        if type_path.last().is_none_or(|ty| ty != "Builder") {
            return None;
        }
        let plugin = match type_path {
            [root, module, _] if root == "tauri" && module == "plugin" => true,
            [root, _] if root == "tauri" => false,
            // `Builder` the file does not import by name (a `use` inside a fn, a
            // re-export): the constructor's shape tells which one it is.
            [_] => args.len() == 1,
            _ => return None,
        };
        match (plugin, constructor.as_str(), args.len()) {
            (true, "new", 1) => Some(BuilderKind::Plugin {
                name: args.first().map_or(Value::Unknown, |arg| self.value(arg)),
            }),
            (false, "default" | "new", 0) => Some(BuilderKind::App),
            _ => None,
        }
    }

    fn invoke_handler(&mut self, call: &syn::ExprMethodCall) {
        let Some(arg) = call.args.first() else {
            return;
        };
        let handler = match strip_expr(arg) {
            Expr::Macro(mac) => self
                .lists_by_span
                .get(&self.span(&mac.mac).start)
                .map_or(HandlerArg::Other, |index| HandlerArg::List(*index)),
            Expr::Path(path) => path
                .path
                .get_ident()
                .and_then(|ident| {
                    let name = ident.to_string();
                    self.lookup(|scope| scope.lists.get(&name))
                })
                .map_or(HandlerArg::Other, HandlerArg::List),
            Expr::Call(called) if called.args.is_empty() => match strip_expr(&called.func) {
                Expr::Path(func) => func.path.segments.last().map_or(HandlerArg::Other, |last| {
                    HandlerArg::Returned {
                        function: unraw(&last.ident),
                    }
                }),
                _ => HandlerArg::Other,
            },
            _ => HandlerArg::Other,
        };
        let Some(builder) = self.chain_of(&call.receiver) else {
            return;
        };
        let conditional = self.in_branch();
        let span = self.call_span(call);
        self.facts.builders[builder]
            .invoke_handlers
            .push(InvokeHandler {
                span,
                handler,
                live: false,
                conditional,
            });
    }

    /// Marks each chain's last `invoke_handler` live and tells each list where it went.
    fn settle_invoke_handlers(&mut self) {
        // Received builders nothing was installed on were only looked at. Nothing holds
        // a builder index yet, so dropping them renumbers nothing that is kept.
        self.facts.builders.retain(|builder| {
            !builder.invoke_handlers.is_empty() || builder.kind != BuilderKind::Received
        });
        for call in self
            .facts
            .builders
            .iter_mut()
            .flat_map(|builder| builder.invoke_handlers.iter_mut())
        {
            if let HandlerArg::Returned { function } = &call.handler
                && let Some(list) = self
                    .facts
                    .handler_lists
                    .iter()
                    .position(|list| list.returned_by.as_ref() == Some(function))
            {
                call.handler = HandlerArg::List(list);
            }
        }
        for (index, builder) in self.facts.builders.iter_mut().enumerate() {
            let live_span = builder.invoke_handlers.last().map(|call| call.span);
            let count = builder.invoke_handlers.len();
            for (position, call) in builder.invoke_handlers.iter_mut().enumerate() {
                call.live = position + 1 == count;
                let HandlerArg::List(list) = call.handler.clone() else {
                    continue;
                };
                let Some(list) = self.facts.handler_lists.get_mut(list) else {
                    continue;
                };
                list.installed = match live_span {
                    Some(by) if !call.live => Installed::Replaced { builder: index, by },
                    _ => Installed::Live { builder: index },
                };
            }
        }
    }

    // ---- events ---------------------------------------------------------------------

    /// An event name or label: a literal, a const of this file, a constant elsewhere.
    fn value(&self, expr: &Expr) -> Value {
        match strip_expr(expr) {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(lit), ..
            }) => Value::Literal {
                value: lit.value(),
                span: self.span(lit),
            },
            Expr::MethodCall(call)
                if call.args.is_empty()
                    && matches!(
                        call.method.to_string().as_str(),
                        "to_string" | "to_owned" | "into" | "as_str" | "as_ref" | "clone"
                    ) =>
            {
                self.value(&call.receiver)
            }
            Expr::Call(call) if call.args.len() == 1 => match strip_expr(&call.func) {
                Expr::Path(func)
                    if func
                        .path
                        .segments
                        .last()
                        .is_some_and(|segment| segment.ident == "from")
                        && func.path.segments.len() == 2 =>
                {
                    call.args
                        .first()
                        .map_or(Value::Unknown, |arg| self.value(arg))
                }
                _ => Value::Unknown,
            },
            Expr::Path(path) => {
                let Some(last) = path.path.segments.last() else {
                    return Value::Unknown;
                };
                let name = last.ident.to_string();
                if let Some(value) = self.consts.get(&name) {
                    return value.clone();
                }
                if is_const_name(&name) {
                    return Value::Import {
                        specifier: RUST_CONST.to_owned(),
                        name,
                        path: Vec::new(),
                    };
                }
                Value::Unknown
            }
            _ => Value::Unknown,
        }
    }

    /// An event-name argument worth a site: known, or visibly a string built at run
    /// time (`&format!(..)`, a `String` local). Anything else (an enum, a struct) says
    /// the call is some other `emit`.
    fn event_name(&self, expr: &Expr) -> Option<Value> {
        let value = self.value(expr);
        if value.is_known() {
            return Some(value);
        }
        match strip_conversions(expr) {
            Expr::Macro(mac) if mac.mac.path.is_ident("format") => Some(Value::Unknown),
            Expr::Path(path) => {
                let name = path.path.get_ident()?.to_string();
                let ty = self.lookup(|scope| scope.types.get(&name))?;
                matches!(ty.as_str(), "str" | "String").then_some(Value::Unknown)
            }
            _ => None,
        }
    }

    /// A listener's event name: as for an emit, and also a local of unknown type when
    /// the handler is a closure (`window.listen(reply_id, move |event| ..)`), the shape
    /// of `Listener::listen`. A path to an enum variant or a field stays out.
    fn listened_name(&self, name: &Expr, handler: &Expr) -> Option<Value> {
        if let Some(value) = self.event_name(name) {
            return Some(value);
        }
        let local =
            matches!(strip_conversions(name), Expr::Path(path) if path.path.get_ident().is_some());
        let closure =
            matches!(strip_expr(handler), Expr::Closure(closure) if closure.inputs.len() == 1);
        (local && closure).then_some(Value::Unknown)
    }

    fn emit_target(&self, expr: &Expr) -> EmitTarget {
        let expr = strip_expr(expr);
        if let Expr::Lit(_) = expr {
            return EmitTarget::AnyLabel(self.value(expr));
        }
        // `emit_to(window.label(), ..)`: a `&str`, so a label, which one is not known.
        if let Expr::MethodCall(call) = strip_conversions(expr)
            && call.method == "label"
            && call.args.is_empty()
        {
            return EmitTarget::AnyLabel(Value::Unknown);
        }
        if let Expr::Path(path) = strip_conversions(expr)
            && let Some(ident) = path.path.get_ident()
        {
            let name = ident.to_string();
            if let Some(target) = self.lookup(|scope| scope.targets.get(&name)) {
                return target;
            }
            // A `String`/`&str` local or parameter is a label (`impl From<&str> for
            // EventTarget` makes it `AnyLabel`).
            return match self.lookup(|scope| scope.types.get(&name)).as_deref() {
                Some("String" | "str") => EmitTarget::AnyLabel(self.value(expr)),
                _ => EmitTarget::Unknown,
            };
        }
        let (variant, label) = match expr {
            // `EventTarget::Any`, `EventTarget::App`
            Expr::Path(path) => (path.path.segments.last(), None),
            // `EventTarget::window("main")`, `EventTarget::labeled(label)`
            Expr::Call(call) => match strip_expr(&call.func) {
                Expr::Path(func) => (func.path.segments.last(), call.args.first()),
                _ => (None, None),
            },
            // `EventTarget::Window { label: "main".into() }`
            Expr::Struct(object) => (
                object.path.segments.last(),
                object.fields.iter().find_map(|field| match &field.member {
                    syn::Member::Named(ident) if ident == "label" => Some(&field.expr),
                    _ => None,
                }),
            ),
            _ => (None, None),
        };
        let Some(variant) = variant else {
            return EmitTarget::Unknown;
        };
        let label = || label.map_or(Value::Unknown, |label| self.value(label));
        match variant.ident.to_string().as_str() {
            "Any" | "any" => EmitTarget::All,
            "App" | "app" => EmitTarget::App,
            "AnyLabel" | "labeled" => EmitTarget::AnyLabel(label()),
            "Window" | "window" => EmitTarget::Window(label()),
            "Webview" | "webview" => EmitTarget::Webview(label()),
            "WebviewWindow" | "webview_window" => EmitTarget::WebviewWindow(label()),
            _ => EmitTarget::Unknown,
        }
    }

    /// What `expr` is, when it is a parameter of a known type or a window lookup.
    fn receiver(&self, expr: &Expr) -> Receiver {
        let unknown = Receiver {
            kind: ReceiverKind::Unknown,
            label: None,
        };
        match strip_expr(expr) {
            Expr::MethodCall(call) => {
                let method = call.method.to_string();
                let lookup = match method.as_str() {
                    "get_webview_window" => Some(ReceiverKind::WebviewWindow),
                    "get_window" => Some(ReceiverKind::Window),
                    "get_webview" => Some(ReceiverKind::Webview),
                    _ => None,
                };
                if let Some(kind) = lookup {
                    return Receiver {
                        kind,
                        label: call.args.first().map(|label| self.value(label)),
                    };
                }
                match method.as_str() {
                    "unwrap" | "expect" | "clone" | "as_ref" => self.receiver(&call.receiver),
                    "handle" | "app_handle" => Receiver {
                        kind: ReceiverKind::AppHandle,
                        label: None,
                    },
                    _ => unknown,
                }
            }
            Expr::Try(inner) => self.receiver(&inner.expr),
            Expr::Path(path) => {
                let Some(ident) = path.path.get_ident() else {
                    return unknown;
                };
                let name = ident.to_string();
                let kind = self
                    .lookup(|scope| scope.types.get(&name))
                    .map_or(ReceiverKind::Unknown, |ty| receiver_kind(&ty));
                Receiver {
                    kind,
                    label: self.lookup(|scope| scope.labels.get(&name)),
                }
            }
            _ => unknown,
        }
    }

    fn method_call(&mut self, call: &syn::ExprMethodCall) {
        let method = call.method.to_string();
        let args: Vec<&Expr> = call.args.iter().collect();
        if let Some(&(_, _, name_at)) = EMIT_METHODS
            .iter()
            .find(|(name, arity, _)| *name == method && *arity == args.len())
        {
            let receiver = self.receiver(&call.receiver);
            // A local of unknown type as the name (`let (event_name, ..) = ..;
            // window.emit(event_name, ..)`) is an event name when the receiver is
            // surely Tauri's: a dynamic emit, which may send any event.
            let name = match args.get(name_at) {
                Some(arg) => match self.event_name(arg) {
                    Some(name) => name,
                    None if receiver.kind != ReceiverKind::Unknown
                        && matches!(strip_conversions(arg), Expr::Path(path) if path.path.get_ident().is_some()) =>
                    {
                        Value::Unknown
                    }
                    None => return,
                },
                None => return,
            };
            let target = if method.ends_with("_to") {
                args.first()
                    .map_or(EmitTarget::Unknown, |target| self.emit_target(target))
            } else if method.ends_with("_filter") {
                EmitTarget::Filter
            } else {
                EmitTarget::All
            };
            let emit = RustEmit {
                method,
                name,
                target,
                receiver,
                span: self.call_span(call),
            };
            self.facts.emits.push(emit);
        } else if LISTEN_METHODS.contains(&method.as_str())
            && let [name, handler] = args.as_slice()
        {
            let Some(name) = self.listened_name(name, handler) else {
                return;
            };
            let listen = RustListen {
                method,
                name,
                receiver: self.receiver(&call.receiver),
                span: self.call_span(call),
            };
            self.facts.listens.push(listen);
        } else if method == "unlisten"
            && let [id] = args.as_slice()
        {
            let name = match strip_expr(id) {
                Expr::Path(path) => path.path.get_ident().and_then(|ident| {
                    let id = ident.to_string();
                    self.lookup(|scope| scope.listen_ids.get(&id))
                }),
                _ => None,
            };
            let span = self.call_span(call);
            self.facts.unlistens.push(RustUnlisten {
                span,
                name: name.unwrap_or(Value::Unknown),
            });
        } else if method == "send" && args.len() == 1 {
            self.channel_send(call);
        } else if method == "invoke_handler" && args.len() == 1 {
            self.invoke_handler(call);
        }
    }

    fn channel_send(&mut self, call: &syn::ExprMethodCall) {
        let mut receiver = strip_expr(&call.receiver);
        while let Expr::MethodCall(inner) = receiver {
            if inner.method != "clone" || !inner.args.is_empty() {
                return;
            }
            receiver = strip_expr(&inner.receiver);
        }
        let Expr::Path(path) = receiver else {
            return;
        };
        let Some(name) = path.path.get_ident().map(ToString::to_string) else {
            return;
        };
        if self
            .lookup(|scope| scope.types.get(&name))
            .is_none_or(|ty| ty != "Channel")
        {
            return;
        }
        let command = self.lookup(|scope| scope.command.as_ref());
        let span = self.call_span(call);
        self.facts.channel_sends.push(ChannelSend {
            channel: name,
            command,
            span,
        });
    }

    /// `let x = ...`: what the walk must remember of `x`.
    fn bind(&mut self, pat: &Pat, init: &Expr) {
        let (name, declared) = match pat {
            Pat::Ident(ident) => (ident.ident.to_string(), None),
            Pat::Type(typed) => match typed.pat.as_ref() {
                Pat::Ident(ident) => (ident.ident.to_string(), type_last_ident(&typed.ty)),
                _ => return,
            },
            _ => return,
        };
        self.bind_name(name, declared, init);
    }

    fn bind_name(&mut self, name: String, declared: Option<String>, init: &Expr) {
        // The listen was read (children first): it is the last one, at this call.
        if let Expr::MethodCall(call) = strip_expr(init)
            && LISTEN_METHODS.contains(&call.method.to_string().as_str())
            && let Some(listen) = self.facts.listens.last()
            && listen.span == self.call_span(call)
        {
            let event = listen.name.clone();
            self.scope().listen_ids.insert(name.clone(), event);
        }
        if let Expr::Macro(mac) = strip_expr(init)
            && let Some(&list) = self.lists_by_span.get(&self.span(&mac.mac).start)
        {
            self.scope().lists.insert(name.clone(), list);
        }
        if self.builder_expr(init)
            && let Some(chain) = self.chain_of(init)
        {
            self.scope().chains.insert(name.clone(), chain);
        }
        let receiver = self.receiver(init);
        let ty = declared.or_else(|| match receiver.kind {
            ReceiverKind::Unknown => self.value_type(init),
            kind => Some(format!("{kind:?}")),
        });
        if let Some(label) = receiver.label {
            self.scope().labels.insert(name.clone(), label);
        }
        if self.is_event_target(init) {
            let target = self.emit_target(init);
            self.scope().targets.insert(name.clone(), target);
        }
        if let Some(ty) = ty {
            self.scope().types.insert(name, ty);
        }
    }

    /// `EventTarget::..` written out: what a `let` of a target holds.
    fn is_event_target(&self, expr: &Expr) -> bool {
        let path = match strip_expr(expr) {
            Expr::Path(path) => &path.path,
            Expr::Call(call) => match strip_expr(&call.func) {
                Expr::Path(func) => &func.path,
                _ => return false,
            },
            Expr::Struct(object) => &object.path,
            _ => return false,
        };
        let resolved = self.resolve(path);
        resolved.len() >= 2 && resolved[resolved.len() - 2] == "EventTarget"
    }

    /// `Channel::new(..)`, `String::new()`, a string literal, a copy of a typed name: the
    /// type a `let` gets.
    fn value_type(&self, init: &Expr) -> Option<String> {
        match strip_expr(init) {
            // `let progress = on_progress.clone()`: the same channel under a new name.
            Expr::MethodCall(call) if call.method == "clone" && call.args.is_empty() => {
                self.value_type(&call.receiver)
            }
            Expr::Path(path) => {
                let name = path.path.get_ident()?.to_string();
                self.lookup(|scope| scope.types.get(&name))
            }
            Expr::Call(call) => match strip_expr(&call.func) {
                Expr::Path(func) => {
                    let segments = &func.path.segments;
                    let ty = segments.iter().rev().nth(1)?;
                    Some(ty.ident.to_string())
                }
                _ => None,
            },
            Expr::Macro(mac) if mac.mac.path.is_ident("format") => Some("String".to_owned()),
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(_), ..
            }) => Some("str".to_owned()),
            _ => None,
        }
    }

    /// Whether `expr` is a chain on a builder: its root is a builder constructor or a
    /// name already bound to one. (A received builder is only recognised through an
    /// `invoke_handler` call on it.)
    fn builder_expr(&self, expr: &Expr) -> bool {
        let mut root = strip_expr(expr);
        while let Expr::MethodCall(call) = root {
            root = strip_expr(&call.receiver);
        }
        match root {
            Expr::Call(call) => match strip_expr(&call.func) {
                Expr::Path(func) => {
                    self.builder_kind(&func.path, &call.args).is_some()
                        || call.args.iter().any(|arg| self.builder_expr(arg))
                }
                _ => false,
            },
            Expr::Path(path) => path.path.get_ident().is_some_and(|ident| {
                let name = ident.to_string();
                self.lookup(|scope| scope.chains.get(&name)).is_some()
            }),
            _ => false,
        }
    }

    /// A fn whose body ends in (or returns) a `generate_handler!`.
    fn mark_returned_list(&mut self, ident: &syn::Ident, block: &syn::Block) {
        let tail = block.stmts.last().and_then(|stmt| match stmt {
            syn::Stmt::Expr(expr, None) => match strip_expr(expr) {
                Expr::Macro(mac) => Some(&mac.mac),
                _ => None,
            },
            syn::Stmt::Expr(Expr::Return(ret), _) => match ret.expr.as_deref().map(strip_expr) {
                Some(Expr::Macro(mac)) => Some(&mac.mac),
                _ => None,
            },
            syn::Stmt::Macro(stmt) if stmt.semi_token.is_none() => Some(&stmt.mac),
            _ => None,
        });
        let Some(mac) = tail else {
            return;
        };
        let start = self.span(mac).start;
        if let Some(&list) = self.lists_by_span.get(&start)
            && let Some(list) = self.facts.handler_lists.get_mut(list)
        {
            list.returned_by = Some(unraw(ident));
        }
    }

    fn fn_inputs(inputs: &Punctuated<FnArg, Token![,]>) -> Vec<(String, &Type)> {
        inputs
            .iter()
            .filter_map(|input| match input {
                FnArg::Typed(typed) => match typed.pat.as_ref() {
                    Pat::Ident(ident) => Some((ident.ident.to_string(), typed.ty.as_ref())),
                    _ => None,
                },
                FnArg::Receiver(_) => None,
            })
            .collect()
    }
}

impl<'ast> Visit<'ast> for Scanner<'_> {
    fn visit_file(&mut self, file: &'ast syn::File) {
        let cfgs = self.cfgs(&file.attrs);
        self.module_cfgs.extend(cfgs);
        visit::visit_file(self, file);
    }

    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let cfgs = self.cfgs(&item.attrs);
        let outer = self.module_cfgs.len();
        self.module_cfgs.extend(cfgs);
        self.modules.push(unraw(&item.ident));
        visit::visit_item_mod(self, item);
        self.modules.pop();
        self.module_cfgs.truncate(outer);
    }

    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        // `macro_rules! m { .. #[tauri::command] pub async fn [<get_ $x>](..) .. }`: the
        // commands it makes have names this file does not spell.
        if item.mac.path.is_ident("macro_rules") && declares_command(&item.mac.tokens) {
            let span = self.span(&item.mac);
            self.facts.command_macros.push(span);
        }
        visit::visit_item_macro(self, item);
    }

    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        let command = self.command_attr(&item.attrs).map(|options| {
            let command = self.command(item, options);
            let name = command.name.clone();
            self.facts.commands.push(command);
            name
        });
        let inputs = Self::fn_inputs(&item.sig.inputs);
        self.enter_fn(Some(unraw(&item.sig.ident)), inputs, command);
        visit::visit_item_fn(self, item);
        self.leave_fn();
        self.mark_returned_list(&item.sig.ident, &item.block);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        let inputs = Self::fn_inputs(&item.sig.inputs);
        self.enter_fn(Some(unraw(&item.sig.ident)), inputs, None);
        visit::visit_impl_item_fn(self, item);
        self.leave_fn();
        self.mark_returned_list(&item.sig.ident, &item.block);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        let inputs = closure
            .inputs
            .iter()
            .filter_map(|input| match input {
                Pat::Type(typed) => match typed.pat.as_ref() {
                    Pat::Ident(ident) => Some((ident.ident.to_string(), typed.ty.as_ref())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        // A closure inherits its function's command (a spawned task sending on the
        // command's channel) and branch state: it may run any number of times.
        let command = self.lookup(|scope| scope.command.as_ref());
        self.enter_fn(None, inputs, command);
        let address = closure as *const syn::ExprClosure as usize;
        if self.setup_closures.contains(&address)
            && let Some(Pat::Ident(app)) = closure.inputs.first()
            && let Some(scope) = self.scopes.last_mut()
        {
            let ty = if closure.inputs.len() == 1 {
                "App"
            } else {
                "AppHandle"
            };
            scope.types.insert(app.ident.to_string(), ty.to_owned());
        }
        if let Some(depth) = self.branch_depth.last_mut() {
            *depth += 1;
        }
        visit::visit_expr_closure(self, closure);
        self.leave_fn();
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        visit::visit_local(self, local);
        if let Some(init) = &local.init {
            self.bind(&local.pat, &init.expr);
        }
    }

    fn visit_expr_assign(&mut self, assign: &'ast syn::ExprAssign) {
        visit::visit_expr_assign(self, assign);
        // `builder = builder.invoke_handler(..)` keeps `builder` on its chain.
        if let Expr::Path(path) = strip_expr(&assign.left)
            && let Some(ident) = path.path.get_ident()
            && self.builder_expr(&assign.right)
            && let Some(chain) = self.chain_of(&assign.right)
        {
            let name = ident.to_string();
            self.scope().chains.insert(name, chain);
        }
    }

    fn visit_expr_if(&mut self, expr: &'ast syn::ExprIf) {
        self.visit_expr(&expr.cond);
        self.with_branch(|scanner| {
            scanner.visit_block(&expr.then_branch);
            if let Some((_, otherwise)) = &expr.else_branch {
                scanner.visit_expr(otherwise);
            }
        });
    }

    fn visit_expr_match(&mut self, expr: &'ast syn::ExprMatch) {
        self.visit_expr(&expr.expr);
        self.with_branch(|scanner| {
            for arm in &expr.arms {
                scanner.visit_arm(arm);
            }
        });
    }

    fn visit_expr_for_loop(&mut self, expr: &'ast syn::ExprForLoop) {
        self.with_branch(|scanner| visit::visit_expr_for_loop(scanner, expr));
    }

    fn visit_expr_while(&mut self, expr: &'ast syn::ExprWhile) {
        self.with_branch(|scanner| visit::visit_expr_while(scanner, expr));
    }

    fn visit_expr_loop(&mut self, expr: &'ast syn::ExprLoop) {
        self.with_branch(|scanner| visit::visit_expr_loop(scanner, expr));
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        if call.method == "setup"
            && let Some(Expr::Closure(closure)) = call.args.first().map(strip_expr)
        {
            self.setup_closures
                .push(closure as *const syn::ExprClosure as usize);
        }
        // Receiver and arguments first: the `generate_handler!` in the arguments and the
        // earlier `invoke_handler` of the same chain are known when this one is read.
        visit::visit_expr_method_call(self, call);
        self.method_call(call);
        if matches!(strip_expr(&call.receiver), Expr::Path(path) if path.path.is_ident("self")) {
            self.note_passed_builders(unraw(&call.method), call.args.iter());
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        visit::visit_expr_call(self, call);
        if let Expr::Path(func) = strip_expr(&call.func)
            && let Some(last) = func.path.segments.last()
        {
            self.note_passed_builders(unraw(&last.ident), call.args.iter());
        }
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        // `tauri::generate_handler!`, or `generate_handler!` imported from tauri.
        if self.resolve(&mac.path) == ["tauri", "generate_handler"] {
            self.handler_list(mac);
        }
        visit::visit_macro(self, mac);
    }
}

/// `#[tauri::command(...)]` options, as tauri-macros reads them.
#[derive(Clone, Copy)]
struct CommandOptions {
    argument_case: ArgumentCase,
    is_async: bool,
}

impl Default for CommandOptions {
    fn default() -> Self {
        CommandOptions {
            argument_case: ArgumentCase::Camel,
            is_async: false,
        }
    }
}

impl<'a> From<syn::punctuated::Iter<'a, CommandOption>> for CommandOptions {
    fn from(options: syn::punctuated::Iter<'a, CommandOption>) -> Self {
        let mut read = CommandOptions::default();
        for option in options {
            match option {
                CommandOption::Async => read.is_async = true,
                CommandOption::RenameAll(case) => read.argument_case = *case,
                CommandOption::Other => {}
            }
        }
        read
    }
}

enum CommandOption {
    Async,
    RenameAll(ArgumentCase),
    /// `root = "crate"` and anything tauri-macros ignores.
    Other,
}

impl Parse for CommandOption {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![async]) {
            input.parse::<Token![async]>()?;
            return Ok(CommandOption::Async);
        }
        let meta: syn::Meta = input.parse()?;
        if let syn::Meta::NameValue(pair) = &meta
            && pair.path.is_ident("rename_all")
            && let Expr::Lit(syn::ExprLit {
                lit: Lit::Str(case),
                ..
            }) = &pair.value
        {
            // tauri-macros accepts exactly these two and refuses the rest to compile.
            return Ok(match case.value().as_str() {
                "snake_case" => CommandOption::RenameAll(ArgumentCase::Snake),
                _ => CommandOption::RenameAll(ArgumentCase::Camel),
            });
        }
        Ok(CommandOption::Other)
    }
}

/// One entry of `generate_handler![...]`: outer attributes, then a path.
struct ListEntry {
    attrs: Vec<syn::Attribute>,
    path: syn::Path,
}

impl Parse for ListEntry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        Ok(ListEntry {
            attrs: input.call(syn::Attribute::parse_outer)?,
            path: input.parse()?,
        })
    }
}

/// The name a parameter's key is made from, as tauri-macros takes it: the binding, `_`
/// for a wildcard (key ``), the struct name of a destructuring pattern.
fn param_key_source(pat: &Pat) -> String {
    match pat {
        Pat::Ident(ident) => unraw(&ident.ident),
        Pat::Struct(object) => object
            .path
            .segments
            .last()
            .map_or_else(String::new, |segment| unraw(&segment.ident)),
        Pat::TupleStruct(tuple) => tuple
            .path
            .segments
            .last()
            .map_or_else(String::new, |segment| unraw(&segment.ident)),
        _ => String::new(),
    }
}

fn unraw(ident: &syn::Ident) -> String {
    let text = ident.to_string();
    match text.strip_prefix("r#") {
        Some(bare) => bare.to_owned(),
        None => text,
    }
}

/// The key Tauri reads a parameter from: heck's `to_lower_camel_case` by default, its
/// `to_snake_case` under `rename_all = "snake_case"`.
pub fn argument_key(name: &str, case: ArgumentCase) -> String {
    let words = split_words(name);
    match case {
        ArgumentCase::Snake => words
            .iter()
            .map(|word| word.to_lowercase())
            .collect::<Vec<_>>()
            .join("_"),
        ArgumentCase::Camel => {
            let mut key = String::with_capacity(name.len());
            for (index, word) in words.iter().enumerate() {
                if index == 0 {
                    key.push_str(&word.to_lowercase());
                    continue;
                }
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    key.extend(first.to_uppercase());
                    key.push_str(&chars.as_str().to_lowercase());
                }
            }
            key
        }
    }
}

/// heck's word boundaries: any non-alphanumeric character; a lowercase letter followed
/// by an uppercase one (`userId`); the last capital of a run before a lowercase letter
/// (`HTTPServer` → `HTTP`, `Server`). Digits belong to the word they are in.
fn split_words(name: &str) -> Vec<&str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mode {
        Boundary,
        Lower,
        Upper,
    }
    let mut words = Vec::new();
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let mut start = 0;
        let mut mode = Mode::Boundary;
        let mut chars = word.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            let Some(&(next_index, next)) = chars.peek() else {
                words.push(&word[start..]);
                break;
            };
            let next_mode = if c.is_lowercase() {
                Mode::Lower
            } else if c.is_uppercase() {
                Mode::Upper
            } else {
                mode
            };
            if next_mode == Mode::Lower && next.is_uppercase() {
                words.push(&word[start..next_index]);
                start = next_index;
                mode = Mode::Boundary;
            } else if mode == Mode::Upper && c.is_uppercase() && next.is_lowercase() {
                if start < index {
                    words.push(&word[start..index]);
                }
                start = index;
                mode = Mode::Boundary;
            } else {
                mode = next_mode;
            }
        }
    }
    words
}

fn returns(output: &syn::ReturnType) -> Returns {
    let syn::ReturnType::Type(_, ty) = output else {
        return Returns::Unit;
    };
    match strip_type(ty) {
        Type::Tuple(tuple) if tuple.elems.is_empty() => Returns::Unit,
        Type::Path(path) => match path.path.segments.last() {
            Some(last) if last.ident.to_string().ends_with("Result") => Returns::Result,
            _ => Returns::Value,
        },
        _ => Returns::Value,
    }
}

/// `&T`, `&mut T`, `(T)` → `T`.
fn strip_type(ty: &Type) -> &Type {
    match ty {
        Type::Reference(reference) => strip_type(&reference.elem),
        Type::Paren(paren) => strip_type(&paren.elem),
        Type::Group(group) => strip_type(&group.elem),
        _ => ty,
    }
}

fn type_last_ident(ty: &Type) -> Option<String> {
    match strip_type(ty) {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .map(|segment| segment.ident.to_string()),
        _ => None,
    }
}

/// `&x`, `(x)`, `x?`-free wrappers around an expression.
fn strip_expr(expr: &Expr) -> &Expr {
    match expr {
        Expr::Reference(reference) => strip_expr(&reference.expr),
        Expr::Paren(paren) => strip_expr(&paren.expr),
        Expr::Group(group) => strip_expr(&group.expr),
        _ => expr,
    }
}

/// `x.as_str()`, `x.clone()`, `&x`, ...: the expression a string argument is made from.
fn strip_conversions(expr: &Expr) -> &Expr {
    match strip_expr(expr) {
        Expr::MethodCall(call)
            if call.args.is_empty()
                && matches!(
                    call.method.to_string().as_str(),
                    "to_string" | "to_owned" | "into" | "as_str" | "as_ref" | "clone"
                ) =>
        {
            strip_conversions(&call.receiver)
        }
        other => other,
    }
}

fn receiver_kind(ty: &str) -> ReceiverKind {
    match ty {
        "App" => ReceiverKind::App,
        "AppHandle" => ReceiverKind::AppHandle,
        "Window" => ReceiverKind::Window,
        "Webview" => ReceiverKind::Webview,
        "WebviewWindow" => ReceiverKind::WebviewWindow,
        _ => ReceiverKind::Unknown,
    }
}

/// Whether macro tokens hold `tauri::command` or `#[command]` (an attribute the macro
/// emits on the fns it makes).
fn declares_command(tokens: &proc_macro2::TokenStream) -> bool {
    let mut previous: Option<String> = None;
    for tree in tokens.clone() {
        match tree {
            proc_macro2::TokenTree::Group(group) => {
                let is_attribute = previous.as_deref() == Some("#")
                    && group.delimiter() == proc_macro2::Delimiter::Bracket;
                let names_command = group.stream().into_iter().any(|inner| {
                    matches!(&inner, proc_macro2::TokenTree::Ident(ident) if ident == "command")
                });
                if is_attribute && names_command || declares_command(&group.stream()) {
                    return true;
                }
                previous = None;
            }
            proc_macro2::TokenTree::Punct(punct) => previous = Some(punct.as_char().to_string()),
            _ => previous = None,
        }
    }
    false
}

/// Whether `use <prefix>::*` brings in a name that may start a path here. Only the two
/// modules a Tauri file globs from are known; anything else is left unresolved.
fn glob_exports(prefix: &[String], name: &str) -> bool {
    match prefix {
        [root] if root == "tauri" => matches!(
            name,
            "Builder" | "command" | "generate_handler" | "plugin" | "ipc" | "State" | "AppHandle"
        ),
        [root, module] if root == "tauri" && module == "plugin" => name == "Builder",
        [root, module] if root == "tauri" && module == "ipc" => {
            matches!(name, "Request" | "Channel" | "InvokeMessage")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_source(source: &str) -> TauriRust {
        let file = syn::parse_str::<syn::File>(source).expect("test sources parse");
        let macro_args = super::super::macros::MacroArgs::parse(&file, source.len() as u32);
        let mut extractor = super::super::extract::Extractor::new(source, &macro_args);
        extractor.run(&file);
        scan(&file, source, &extractor.consts)
    }

    fn literal(value: &Value) -> &str {
        value.as_str().unwrap_or("<not a literal>")
    }

    fn keys(command: &Command) -> Vec<(&str, ParamKind)> {
        command
            .params
            .iter()
            .map(|param| (param.key.as_str(), param.kind))
            .collect()
    }

    #[test]
    fn a_command_reports_its_name_keys_and_reply() {
        let facts = scan_source(
            r#"
            use tauri::{AppHandle, State};
            #[tauri::command]
            async fn save_note(app: AppHandle, db: State<'_, Db>, note_id: u32, body: String,
                               tag_list: Option<Vec<String>>) -> Result<(), String> { Ok(()) }
            "#,
        );
        let [command] = facts.commands.as_slice() else {
            panic!("one command: {:?}", facts.commands);
        };
        assert_eq!(command.name, "save_note");
        assert!(command.is_async);
        assert_eq!(command.returns, Returns::Result);
        assert_eq!(
            keys(command),
            [
                ("app", ParamKind::Injected),
                ("db", ParamKind::Injected),
                ("noteId", ParamKind::Required),
                ("body", ParamKind::Required),
                ("tagList", ParamKind::Optional),
            ]
        );
        let sent: Vec<&str> = command.argument_params().map(|p| p.key.as_str()).collect();
        assert_eq!(sent, ["noteId", "body", "tagList"]);
    }

    #[test]
    fn return_types_are_read_as_written() {
        let facts = scan_source(
            r#"
            use tauri::ipc::Channel;
            #[tauri::command]
            async fn export(on_progress: Channel<u32>) -> Result<Vec<  String>, MyError> {
                on_progress.send(1).ok();
                Ok(vec![])
            }
            #[tauri::command]
            fn count() -> tauri::Result<u32> { Ok(0) }
            #[tauri::command]
            fn theme() -> String { String::new() }
            #[tauri::command]
            fn ping() {}
            "#,
        );
        let output = |i: usize| {
            let o = &facts.commands[i].output;
            (o.ok.as_deref(), o.err.as_deref())
        };
        assert_eq!(output(0), (Some("Vec< String>"), Some("MyError")));
        assert_eq!(output(1), (Some("u32"), None));
        assert_eq!(output(2), (Some("String"), None));
        assert_eq!(output(3), (None, None));
        assert_eq!(facts.channel_sends[0].command.as_deref(), Some("export"));
    }

    #[test]
    fn rename_all_snake_case_keeps_the_rust_names_as_keys() {
        let facts = scan_source(
            r#"
            #[tauri::command(rename_all = "snake_case")]
            fn search(user_id: u32, pageSize: u32) -> Vec<String> { vec![] }
            "#,
        );
        let command = &facts.commands[0];
        assert_eq!(command.argument_case, ArgumentCase::Snake);
        assert_eq!(command.returns, Returns::Value);
        assert!(!command.is_async);
        assert_eq!(
            keys(command),
            [
                ("user_id", ParamKind::Required),
                ("page_size", ParamKind::Required)
            ]
        );
    }

    #[test]
    fn async_option_and_result_aliases_and_unit_returns() {
        let facts = scan_source(
            r#"
            type CmdResult<T> = Result<T, String>;
            #[tauri::command(async)]
            fn slow() -> CmdResult<u8> { Ok(1) }
            #[tauri::command]
            fn ping() {}
            "#,
        );
        assert!(facts.commands[0].is_async);
        assert_eq!(facts.commands[0].returns, Returns::Result);
        assert_eq!(facts.commands[1].returns, Returns::Unit);
    }

    #[test]
    fn command_attribute_imported_by_name_counts_and_a_foreign_one_does_not() {
        let tauri = scan_source(
            "use tauri::command;\n#[command]\nfn a() {}\nmod m { #[tauri::command] pub fn b() {} }",
        );
        let names: Vec<(&str, Vec<String>)> = tauri
            .commands
            .iter()
            .map(|c| (c.name.as_str(), c.module_path.clone()))
            .collect();
        assert_eq!(names, [("a", vec![]), ("b", vec!["m".to_owned()])]);
        // `#[command]` from clap in a file that also uses tauri is no Tauri command.
        let clap = scan_source("use clap::command;\nuse tauri::Manager;\n#[command]\nfn a() {}");
        assert!(clap.commands.is_empty());
    }

    #[test]
    fn cfgs_of_a_command_and_its_modules_are_kept() {
        let facts = scan_source(
            r#"
            #![cfg(desktop)]
            #[cfg(target_os = "macos")]
            mod macos {
                #[tauri::command]
                pub fn show_window() {}
            }
            #[cfg(target_os = "linux")]
            #[tauri::command]
            pub fn show_window() {}
            "#,
        );
        let cfgs: Vec<&[String]> = facts.commands.iter().map(|c| c.cfgs.as_slice()).collect();
        assert_eq!(
            cfgs,
            [
                ["#![cfg(desktop)]", "#[cfg(target_os = \"macos\")]"],
                ["#![cfg(desktop)]", "#[cfg(target_os = \"linux\")]"],
            ]
        );
    }

    #[test]
    fn a_macro_that_declares_commands_is_noted() {
        let facts = scan_source(
            r#"
            macro_rules! cache_commands {
                ($($name:ident),*) => { $( paste::paste! {
                    #[tauri::command]
                    pub async fn [<get_ $name>](id: &str) -> Result<(), String> { Ok(()) }
                } )* }
            }
            macro_rules! not_commands { () => { #[derive(Debug)] struct A; } }
            cache_commands!(project, version);
            "#,
        );
        assert!(facts.commands.is_empty());
        assert_eq!(facts.command_macros.len(), 1);
    }

    #[test]
    fn injected_parameters_are_recognised_by_tauri_path_and_channel_is_an_argument() {
        let facts = scan_source(
            r#"
            use tauri::ipc::{Channel, Request};
            #[tauri::command]
            fn upload(request: Request<'_>, window: tauri::WebviewWindow, w: &tauri::Window,
                      scope: tauri::ipc::CommandScope<Entry>, on_progress: Channel<u32>,
                      r#type: String, _: u8) {}
            "#,
        );
        assert_eq!(
            keys(&facts.commands[0]),
            [
                ("request", ParamKind::Injected),
                ("window", ParamKind::Injected),
                ("w", ParamKind::Injected),
                ("scope", ParamKind::Injected),
                ("onProgress", ParamKind::Channel),
                ("type", ParamKind::Required),
                ("", ParamKind::Required),
            ]
        );
    }

    #[test]
    fn a_type_the_file_defines_is_not_taken_for_an_injected_one() {
        let facts = scan_source(
            r#"
            #[derive(serde::Deserialize)]
            struct Request { id: u32 }
            #[derive(serde::Deserialize)]
            struct Window { width: u32 }
            #[tauri::command]
            fn open(request: Request, window: Window) {}
            "#,
        );
        assert_eq!(
            keys(&facts.commands[0]),
            [
                ("request", ParamKind::Required),
                ("window", ParamKind::Required)
            ]
        );
    }

    #[test]
    fn a_state_imported_from_another_crate_is_an_argument() {
        let facts = scan_source(
            r#"
            use axum::extract::State;
            #[tauri::command]
            fn f(state: State<Db>, app: tauri::AppHandle, window: Window) {}
            "#,
        );
        assert_eq!(
            keys(&facts.commands[0]),
            [
                ("state", ParamKind::Required),
                ("app", ParamKind::Injected),
                ("window", ParamKind::Injected),
            ]
        );
    }

    #[test]
    fn argument_keys_follow_heck() {
        let camel = |name| argument_key(name, ArgumentCase::Camel);
        assert_eq!(camel("user_id"), "userId");
        assert_eq!(camel("userId"), "userId");
        assert_eq!(camel("HTTPServer_url"), "httpServerUrl");
        assert_eq!(camel("_app"), "app");
        assert_eq!(camel("page2_size"), "page2Size");
        assert_eq!(camel("x"), "x");
        assert_eq!(argument_key("pageSize", ArgumentCase::Snake), "page_size");
    }

    #[test]
    fn generate_handler_names_are_last_segments_and_cfg_is_kept() {
        let facts = scan_source(
            r#"
            fn main() {
                tauri::Builder::default()
                    .invoke_handler(tauri::generate_handler![
                        commands::notes::save_note,
                        #[cfg(debug_assertions)]
                        debug_dump,
                        r#loop,
                    ])
                    .run(tauri::generate_context!())
                    .expect("error while running");
            }
            "#,
        );
        let [list] = facts.handler_lists.as_slice() else {
            panic!("one list: {:?}", facts.handler_lists);
        };
        let entries: Vec<(&str, &str, Option<&str>)> = list
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.path.as_str(), e.cfg.as_deref()))
            .collect();
        assert_eq!(
            entries,
            [
                ("save_note", "commands::notes::save_note", None),
                ("debug_dump", "debug_dump", Some("#[cfg(debug_assertions)]")),
                ("loop", "loop", None),
            ]
        );
        assert_eq!(list.installed, Installed::Live { builder: 0 });
        assert_eq!(facts.builders[0].kind, BuilderKind::App);
    }

    #[test]
    fn a_later_invoke_handler_on_the_same_chain_replaces_the_earlier_list() {
        let source = r#"
            use tauri::generate_handler;
            pub fn run() {
                let mut builder = tauri::Builder::default().plugin(x::init());
                builder = builder.invoke_handler(generate_handler![list_notes, save_note]);
                let builder = builder.setup(|app| Ok(()));
                builder
                    .invoke_handler(generate_handler![get_settings])
                    .run(tauri::generate_context!())
                    .unwrap();
            }
        "#;
        let facts = scan_source(source);
        assert_eq!(facts.builders.len(), 1, "{:?}", facts.builders);
        let later = facts.builders[0].invoke_handlers[1].span;
        assert_eq!(
            facts.handler_lists[0].installed,
            Installed::Replaced {
                builder: 0,
                by: later
            }
        );
        assert_eq!(
            facts.handler_lists[1].installed,
            Installed::Live { builder: 0 }
        );
        assert!(
            source[later.start as usize..].starts_with(".invoke_handler(generate_handler![get")
        );
        let live: Vec<bool> = facts.builders[0]
            .invoke_handlers
            .iter()
            .map(|c| c.live)
            .collect();
        assert_eq!(live, [false, true]);
    }

    #[test]
    fn two_chains_do_not_replace_each_other_and_a_closure_handler_replaces_a_list() {
        let facts = scan_source(
            r#"
            use tauri::plugin::{Builder, TauriPlugin};
            const PLUGIN: &str = "notes-sync";
            pub fn init<R: tauri::Runtime>() -> TauriPlugin<R> {
                Builder::new(PLUGIN).invoke_handler(tauri::generate_handler![push, pull]).build()
            }
            pub fn app() {
                tauri::Builder::default()
                    .invoke_handler(tauri::generate_handler![a])
                    .invoke_handler(move |invoke| specta(invoke))
                    .run(ctx());
            }
            "#,
        );
        let plugin = &facts.builders[0];
        let BuilderKind::Plugin { name } = &plugin.kind else {
            panic!("a plugin: {:?}", plugin.kind);
        };
        assert_eq!(literal(name), "notes-sync");
        assert_eq!(
            facts.handler_lists[0].installed,
            Installed::Live { builder: 0 }
        );
        assert!(matches!(
            facts.handler_lists[1].installed,
            Installed::Replaced { builder: 1, .. }
        ));
        assert_eq!(
            facts.builders[1].invoke_handlers[1].handler,
            HandlerArg::Other
        );
    }

    #[test]
    fn a_list_bound_to_a_local_or_a_received_builder_is_followed() {
        let facts = scan_source(
            r#"
            pub fn add<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
                let handler = tauri::generate_handler![a, b];
                builder.invoke_handler(handler)
            }
            pub fn handlers() -> impl Fn(tauri::ipc::Invoke) -> bool {
                tauri::generate_handler![c]
            }
            "#,
        );
        assert_eq!(facts.builders.len(), 1);
        assert_eq!(facts.builders[0].kind, BuilderKind::Received);
        assert_eq!(
            facts.handler_lists[0].installed,
            Installed::Live { builder: 0 }
        );
        assert_eq!(facts.handler_lists[1].installed, Installed::Unseen);
    }

    #[test]
    fn a_received_builder_takes_the_kind_of_what_the_file_passes_in_its_place() {
        let facts = scan_source(
            r#"
            use tauri::plugin::{Builder as PluginBuilder, TauriPlugin};
            impl Vault {
                pub fn build<R: Runtime>(self) -> TauriPlugin<R> {
                    let plugin_builder = PluginBuilder::new("vault").setup(|_, _| Ok(()));
                    Self::install(plugin_builder)
                }
                fn install<R: Runtime>(builder: PluginBuilder<R>) -> TauriPlugin<R> {
                    builder.invoke_handler(tauri::generate_handler![unlock]).build()
                }
            }
            pub fn other<R: Runtime>(builder: tauri::plugin::Builder<R>) -> TauriPlugin<R> {
                builder.invoke_handler(tauri::generate_handler![lock]).build()
            }
            "#,
        );
        let kinds: Vec<&BuilderKind> = facts
            .builders
            .iter()
            .filter(|builder| !builder.invoke_handlers.is_empty())
            .map(|builder| &builder.kind)
            .collect();
        let [
            BuilderKind::Plugin { name: vault },
            BuilderKind::Plugin { name: other },
        ] = kinds.as_slice()
        else {
            panic!("two plugins: {kinds:?}");
        };
        assert_eq!(literal(vault), "vault");
        // Declared a plugin builder, filled by no call of this file: a plugin of a name
        // the file does not tell.
        assert_eq!(*other, Value::Unknown);
    }

    #[test]
    fn a_list_returned_by_a_fn_is_live_where_that_fn_is_installed() {
        let facts = scan_source(
            r#"
            mod app_init {
                pub fn generate_handlers() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool {
                    tauri::generate_handler![get_profiles, patch_config]
                }
            }
            pub fn run() {
                tauri::Builder::default()
                    .invoke_handler(app_init::generate_handlers())
                    .run(tauri::generate_context!())
                    .unwrap();
            }
            pub fn other(builder: tauri::Builder<tauri::Wry>) {
                builder.invoke_handler(elsewhere::handlers());
            }
            "#,
        );
        let list = &facts.handler_lists[0];
        assert_eq!(list.returned_by.as_deref(), Some("generate_handlers"));
        assert_eq!(list.installed, Installed::Live { builder: 0 });
        assert_eq!(
            facts.builders[0].invoke_handlers[0].handler,
            HandlerArg::List(0)
        );
        assert_eq!(
            facts.builders[1].invoke_handlers[0].handler,
            HandlerArg::Returned {
                function: "handlers".to_owned()
            }
        );
    }

    #[test]
    fn a_listener_on_a_name_built_at_run_time_is_kept_as_unknown() {
        let facts = scan_source(
            r#"
            use tauri::Listener;
            fn f(app_handle: tauri::AppHandle, window: tauri::WebviewWindow, reply_id: Uuid) {
                app_handle.listen_any(format!("cancel_{}", 1).as_str(), |_| {});
                window.listen(reply_id, move |event| {});
                window.listen(Events::Saved, on_saved);
            }
            "#,
        );
        let names: Vec<(&Value, ReceiverKind)> = facts
            .listens
            .iter()
            .map(|l| (&l.name, l.receiver.kind))
            .collect();
        assert_eq!(
            names,
            [
                (&Value::Unknown, ReceiverKind::AppHandle),
                (&Value::Unknown, ReceiverKind::WebviewWindow),
            ]
        );
    }

    #[test]
    fn an_invoke_handler_in_a_branch_is_conditional() {
        let facts = scan_source(
            r#"
            fn main() {
                let builder = tauri::Builder::default();
                let builder = if cfg!(debug_assertions) {
                    builder.invoke_handler(tauri::generate_handler![a, debug])
                } else {
                    builder.invoke_handler(tauri::generate_handler![a])
                };
                builder.run(ctx());
            }
            "#,
        );
        let calls = &facts.builders[0].invoke_handlers;
        assert_eq!(calls.len(), 2);
        assert!(calls.iter().all(|call| call.conditional));
    }

    #[test]
    fn webview_builder_and_thread_builder_are_not_plugin_builders() {
        let facts = scan_source(
            r#"
            fn f(window: tauri::Window) {
                let view = tauri::webview::WebviewBuilder::new("ads", url).build();
                let thread = std::thread::Builder::new().name("x".into());
            }
            "#,
        );
        assert!(facts.builders.is_empty(), "{:?}", facts.builders);
    }

    #[test]
    fn the_untyped_parameter_of_a_setup_closure_is_the_app() {
        let source = r#"
            use tauri::Listener;
            pub fn run() {
                tauri::Builder::default()
                    .setup(|app| {
                        app.listen("app-ready", |_| {});
                        Ok(())
                    })
                    .run(tauri::generate_context!())
                    .unwrap();
            }
            pub fn init<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
                tauri::plugin::Builder::new("sync")
                    .setup(|app, _api| {
                        app.listen("sync-start", |_| {});
                        Ok(())
                    })
                    .build()
            }
            fn other(items: Vec<u32>) {
                items.iter().for_each(|app| { app.listen("not-an-app", |_| {}); });
            }
        "#;
        let facts = scan_source(source);
        let kinds: Vec<ReceiverKind> = facts.listens.iter().map(|l| l.receiver.kind).collect();
        assert_eq!(
            kinds,
            [
                ReceiverKind::App,
                ReceiverKind::AppHandle,
                ReceiverKind::Unknown
            ]
        );
    }

    #[test]
    fn emits_read_the_name_the_target_and_the_receiver() {
        let source = r#"
            use tauri::{AppHandle, Emitter, EventTarget, Manager};
            const NOTE_SAVED: &str = "note-saved";
            fn notify(app: &AppHandle, id: u32) {
                app.emit(NOTE_SAVED, id).unwrap();
                app.emit_to("main", "sync://progress", 50).unwrap();
                app.emit_to(EventTarget::webview_window("main"), "ww", ()).unwrap();
                app.emit_to(EventTarget::Window { label: "settings".into() }, "w", ()).unwrap();
                app.emit_to(EventTarget::App, "core-only", ()).unwrap();
                app.emit_filter("filtered", (), |t| true).unwrap();
                app.emit(events::SYNC_DONE, ()).unwrap();
                app.emit(&format!("note-{id}"), ()).unwrap();
                app.get_webview_window("main").unwrap().emit_str("raw", "{}".into()).unwrap();
            }
        "#;
        let facts = scan_source(source);
        let emits: Vec<(&str, String, &EmitTarget)> = facts
            .emits
            .iter()
            .map(|e| {
                let name = match &e.name {
                    Value::Import { name, .. } => format!("const {name}"),
                    other => other.as_str().unwrap_or("?").to_owned(),
                };
                (e.method.as_str(), name, &e.target)
            })
            .collect();
        let label = |text: &str| text.to_owned();
        assert_eq!(emits.len(), 9, "{emits:?}");
        assert_eq!(emits[0].1, "note-saved");
        assert!(matches!(emits[1].2, EmitTarget::AnyLabel(v) if literal(v) == "main"));
        assert!(matches!(emits[2].2, EmitTarget::WebviewWindow(v) if literal(v) == "main"));
        assert!(matches!(emits[3].2, EmitTarget::Window(v) if literal(v) == "settings"));
        assert_eq!(emits[4].2, &EmitTarget::App);
        assert_eq!(emits[5].2, &EmitTarget::Filter);
        assert_eq!(emits[6].1, label("const SYNC_DONE"));
        assert_eq!(emits[7].1, "?");
        assert_eq!(facts.emits[7].name, Value::Unknown);
        assert_eq!(facts.emits[0].receiver.kind, ReceiverKind::AppHandle);
        let last = &facts.emits[8];
        assert_eq!(last.receiver.kind, ReceiverKind::WebviewWindow);
        assert_eq!(last.receiver.label.as_ref().map(literal), Some("main"));
        // A const's name points at its literal, where a rename edits it.
        let Value::Literal { span, .. } = &facts.emits[0].name else {
            panic!("a literal");
        };
        assert_eq!(
            &source[span.start as usize..span.end as usize],
            "\"note-saved\""
        );
    }

    #[test]
    fn a_target_bound_to_a_local_and_a_builder_passed_through_a_helper_are_followed() {
        let facts = scan_source(
            r#"
            use tauri::{Emitter, EventTarget};
            const MAIN: &str = "main";
            fn focus(window: tauri::WebviewWindow) {
                let target = EventTarget::labeled(MAIN);
                window.emit_to(target, "focus-changed", true).ok();
            }
            pub fn run() {
                let builder = setup_plugins(tauri::Builder::default()).setup(|app| Ok(()));
                builder.invoke_handler(tauri::generate_handler![a]).run(ctx());
            }
            "#,
        );
        assert!(matches!(&facts.emits[0].target, EmitTarget::AnyLabel(v) if literal(v) == "main"));
        assert_eq!(facts.builders.len(), 1);
        assert_eq!(facts.builders[0].kind, BuilderKind::App);
        assert_eq!(
            facts.handler_lists[0].installed,
            Installed::Live { builder: 0 }
        );
    }

    #[test]
    fn listens_unlistens_and_channel_sends() {
        let facts = scan_source(
            r#"
            use tauri::{ipc::Channel, Listener, Manager, WebviewWindow};
            fn setup(app: &mut tauri::App) {
                let id = app.listen("note-opened", |event| {});
                app.unlisten(id);
                app.listen_any("sync:request", |_| {});
                let main = app.get_webview_window("main").unwrap();
                main.once("tauri://close-requested", |_| {});
            }
            #[tauri::command]
            async fn export(on_progress: Channel<u32>) {
                for i in 0..10 { on_progress.send(i).unwrap(); }
                let progress = on_progress.clone();
                tokio::spawn(async move { progress.send(100) });
            }
            fn not_a_channel(tx: std::sync::mpsc::Sender<u32>) { tx.send(1).unwrap(); }
            "#,
        );
        let listens: Vec<(&str, &str, bool, ReceiverKind)> = facts
            .listens
            .iter()
            .map(|l| {
                (
                    l.method.as_str(),
                    literal(&l.name),
                    l.is_any(),
                    l.receiver.kind,
                )
            })
            .collect();
        assert_eq!(
            listens,
            [
                ("listen", "note-opened", false, ReceiverKind::App),
                ("listen_any", "sync:request", true, ReceiverKind::App),
                (
                    "once",
                    "tauri://close-requested",
                    false,
                    ReceiverKind::WebviewWindow
                ),
            ]
        );
        assert_eq!(
            facts
                .unlistens
                .iter()
                .map(|unlisten| literal(&unlisten.name))
                .collect::<Vec<_>>(),
            ["note-opened"]
        );
        let sends: Vec<(&str, Option<&str>)> = facts
            .channel_sends
            .iter()
            .map(|s| (s.channel.as_str(), s.command.as_deref()))
            .collect();
        assert_eq!(
            sends,
            [
                ("on_progress", Some("export")),
                ("progress", Some("export"))
            ]
        );
    }

    #[test]
    fn a_file_that_does_not_name_tauri_has_no_sites() {
        let facts = scan_source(
            r#"
            use socketioxide::extract::SocketRef;
            struct Bus;
            impl Bus { fn emit(&self, name: &str, data: u32) {} }
            fn f(bus: Bus, socket: SocketRef) {
                bus.emit("note-saved", 1);
                socket.emit("message", &1).ok();
                let s = "tauri::generate_handler![a]";
            }
            // tauri::generate_handler![in_a_comment]
            "#,
        );
        assert_eq!(facts, TauriRust::default());
    }

    #[test]
    fn generate_handler_in_a_string_or_comment_and_foreign_emits_stay_silent() {
        let facts = scan_source(
            r#"
            use tauri::Manager;
            enum Ev { Saved }
            fn f(bus: EventBus) {
                // .invoke_handler(tauri::generate_handler![commented_out])
                let doc = "tauri::generate_handler![in_a_string]";
                bus.emit(Ev::Saved, 1);
                bus.listen(Ev::Saved, handler);
            }
            "#,
        );
        assert!(facts.uses_tauri);
        assert!(facts.handler_lists.is_empty());
        assert!(facts.emits.is_empty(), "{:?}", facts.emits);
        assert!(facts.listens.is_empty());
    }

    #[test]
    fn a_handler_list_that_is_not_a_list_of_paths_is_opaque() {
        let facts = scan_source(
            "fn f() { tauri::Builder::default().invoke_handler(tauri::generate_handler![a, 1 + 2]); }",
        );
        assert!(facts.handler_lists[0].opaque);
        assert!(facts.handler_lists[0].entries.is_empty());
    }
}
