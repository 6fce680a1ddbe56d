//! Wrappers of emits and listener registrations: functions whose parameter is the event
//! name (`send(ev, payload, cb) { socket.emit(ev, payload, cb) }`), or whose ack or
//! payload arguments are passed along (`loadItems(callback) { socket.emit("items:list",
//! callback) }`, `(...args) => socket.emit("x", ...args)`).
//!
//! Extraction records the site in the wrapper's terms ([`Wrapper`]) and the calls that
//! may be calls of a wrapper ([`WrapperCall`]); the callee of a call is often in another
//! file, so linking (`link/wrappers.rs`) pairs them and makes each call a site.

use swc_common::Spanned;
use swc_ecma_ast::*;

use super::bindings::{Binding, InstanceOf};
use super::extract::Extractor;
use super::syntax::{prop_name, unwrap_expr};
use crate::facts::{
    CallArg, Callee as FnCallee, FuncId, NameShape, Origin, SocketRef, Value, WrapArg, WrappedSite,
    Wrapper, WrapperCall,
};

/// An argument as the function it is written in sees it.
enum ArgOf {
    /// Parameter `index` of function `func`, passed on unchanged.
    Param(FuncId, u32),
    /// `...rest`, the rest parameter at `index` of function `func`.
    Rest(FuncId, u32),
    Other,
}

/// More arguments than any wrapper takes: such calls are not worth recording.
const MAX_ARGS: usize = 8;

impl Extractor<'_> {
    fn arg_of(&self, arg: &ExprOrSpread) -> ArgOf {
        let Expr::Ident(ident) = unwrap_expr(&arg.expr) else {
            return ArgOf::Other;
        };
        if arg.spread.is_some() {
            // A rest parameter is bound like any destructured name; only its frame
            // knows it is one.
            return match (self.lookup(&ident.sym), self.rest_param(&ident.sym)) {
                (Some(Binding::Unknown), Some((func, index))) => ArgOf::Rest(func, index),
                _ => ArgOf::Other,
            };
        }
        match self.lookup(&ident.sym) {
            Some(Binding::Socket(SocketRef {
                origin: Origin::Param { func, index, .. },
                ops,
            })) if ops.is_empty() => ArgOf::Param(*func, *index),
            // `send(ev: string, ...)`: typed as data, still the caller's argument.
            Some(Binding::Data) => match self.data_param(&ident.sym) {
                Some((func, index)) => ArgOf::Param(func, index),
                None => ArgOf::Other,
            },
            _ => ArgOf::Other,
        }
    }

    /// An argument in terms of the parameters of `owner`.
    fn wrap_arg(&self, arg: &ExprOrSpread, owner: Option<FuncId>) -> WrapArg {
        match self.arg_of(arg) {
            ArgOf::Param(func, index) if Some(func) == owner => WrapArg::Param(index),
            ArgOf::Rest(func, index) if Some(func) == owner => WrapArg::Rest(index),
            _ if arg.spread.is_some() => WrapArg::Spread,
            _ => WrapArg::Fixed {
                function: self.is_function(&arg.expr),
            },
        }
    }

    /// The function whose parameter `arg` is, and its position there.
    pub(super) fn param_of(&self, arg: &ExprOrSpread) -> Option<(FuncId, u32)> {
        match self.arg_of(arg) {
            ArgOf::Param(func, index) => Some((func, index)),
            _ => None,
        }
    }

    /// An argument passed on by a wrapped site of `owner`.
    pub(super) fn passed_arg(&self, arg: &ExprOrSpread, owner: FuncId) -> WrapArg {
        self.wrap_arg(arg, Some(owner))
    }

    /// The function whose parameters an argument list passes on: the first such
    /// parameter's.
    fn owner_of(&self, args: &[ExprOrSpread]) -> Option<FuncId> {
        args.iter().find_map(|arg| match self.arg_of(arg) {
            ArgOf::Param(func, _) | ArgOf::Rest(func, _) => Some(func),
            ArgOf::Other => None,
        })
    }

    /// The emit at `index` of `facts.emits` is a wrapper's when its name is a
    /// parameter, or when it passes on a rest parameter or a trailing parameter (a
    /// callback by its name, or a value the callers' arguments tell the kind of).
    pub(super) fn note_wrapped_emit(&mut self, call: &CallExpr, index_in_emits: u32) {
        let Some((first, payload)) = call.args.split_first() else {
            return;
        };
        // `emit(...args) { socket.emit(...args) }`: the name is the rest parameter's first
        // element, the payload the others.
        if first.spread.is_some() {
            if let ArgOf::Rest(owner, index) = self.arg_of(first)
                && payload.is_empty()
            {
                self.facts.wrappers.push(Wrapper {
                    func: owner,
                    site: WrappedSite::Emit(index_in_emits),
                    name: Some(index),
                    args: vec![WrapArg::Rest(index + 1)],
                    name_shape: NameShape::default(),
                });
            }
            return;
        }
        let (owner, name) = match self.arg_of(first) {
            ArgOf::Param(func, index) => (func, Some(index)),
            _ => {
                let rest = payload.iter().find_map(|arg| match self.arg_of(arg) {
                    ArgOf::Rest(func, _) => Some(func),
                    _ => None,
                });
                // A trailing parameter: a callback by its name, or a value of unknown
                // kind (`archive(id) { socket.emit("archive", id) }`) that the callers'
                // arguments may show to be data. Evidence of data here already settles it.
                let callback = payload.last().and_then(|arg| match self.arg_of(arg) {
                    ArgOf::Param(func, _) if self.is_function(&arg.expr) != Some(false) => {
                        Some(func)
                    }
                    _ => None,
                });
                let Some(owner) = rest.or(callback) else {
                    return;
                };
                (owner, None)
            }
        };
        let args = payload
            .iter()
            .map(|arg| self.wrap_arg(arg, Some(owner)))
            .collect();
        self.facts.wrappers.push(Wrapper {
            func: owner,
            site: WrappedSite::Emit(index_in_emits),
            name,
            args,
            name_shape: NameShape::default(),
        });
    }

    /// The registration at `index` of `facts.handlers` is a wrapper's when its event
    /// name is a parameter (`listen(ev, fn) { socket.on(ev, fn) }`), or when its name is
    /// its own and the listener is a parameter (`onMessage(cb) { socket.on("message:new",
    /// cb) }`): each call registers the listener it passes.
    pub(super) fn note_wrapped_handler(&mut self, call: &CallExpr, index: u32) {
        let Some(first) = call.args.first().filter(|arg| arg.spread.is_none()) else {
            return;
        };
        let ArgOf::Param(owner, name) = self.arg_of(first) else {
            if let [_, listener] = &call.args[..]
                && listener.spread.is_none()
                && let ArgOf::Param(owner, param) = self.arg_of(listener)
            {
                self.facts.wrappers.push(Wrapper {
                    func: owner,
                    site: WrappedSite::Handler(index),
                    name: None,
                    args: vec![WrapArg::Param(param)],
                    name_shape: NameShape::default(),
                });
            }
            return;
        };
        let args = call
            .args
            .get(1)
            .map(|listener| self.wrap_arg(listener, Some(owner)))
            .into_iter()
            .collect();
        self.facts.wrappers.push(Wrapper {
            func: owner,
            site: WrappedSite::Handler(index),
            name: Some(name),
            args,
            name_shape: NameShape::default(),
        });
    }

    /// A call of a project function (local, a method of this class through `this`, or
    /// imported from a project file): it may be a wrapper's.
    pub(super) fn record_wrapper_call(&mut self, call: &CallExpr) {
        if self.declarations_only() || call.args.len() > MAX_ARGS {
            return;
        }
        let Callee::Expr(callee) = &call.callee else {
            return;
        };
        let Some(callee) = self.wrapper_callee(callee) else {
            return;
        };
        if let FnCallee::Local(id) = callee
            && self.cannot_wrap(id)
        {
            return;
        }
        let owner = self.owner_of(&call.args);
        let mut args: Vec<CallArg> = Vec::with_capacity(call.args.len());
        for arg in &call.args {
            let expr = unwrap_expr(&arg.expr);
            let value = match expr {
                Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) | Expr::Ident(_) | Expr::Member(_)
                    if arg.spread.is_none() =>
                {
                    self.value(expr)
                }
                _ => Value::Unknown,
            };
            // A function after a possible event name may be a listener, and so may the
            // last argument (`onMessage((m) => ...)`): its signature is what a handler
            // site needs.
            let after_name = args.last().is_some_and(|before| before.value.is_known());
            let last = args.len() + 1 == call.args.len();
            let (params, ack) = match expr {
                Expr::Arrow(_) | Expr::Fn(_) if after_name || last => {
                    (self.params_of(expr), self.listener_ack(expr))
                }
                _ => (None, None),
            };
            args.push(CallArg {
                span: self.span(arg.expr.span()),
                literal: matches!(expr, Expr::Lit(Lit::Str(_))),
                value,
                arg: self.wrap_arg(arg, owner),
                // Filled below, only for calls that may name an event.
                socket: None,
                params,
                ack: ack.map(Box::new),
                keys: super::syntax::object_keys(expr),
            });
        }
        // A socket argument matters only to a wrapper that takes its socket as a
        // parameter (`waitFor(socket, "ready")`), so only with a name beside it: most
        // calls have none, and telling sockets apart is not free.
        if args.iter().any(|arg| arg.value.is_known()) {
            for (arg, recorded) in call.args.iter().zip(args.iter_mut()) {
                if arg.spread.is_none()
                    && matches!(
                        unwrap_expr(&arg.expr),
                        Expr::Ident(_) | Expr::Member(_) | Expr::This(_)
                    )
                {
                    recorded.socket = self.socket(&arg.expr).map(Box::new);
                }
            }
        }
        let frame = owner.or(self.current_function());
        if let Some(frame) = frame
            && args
                .iter()
                .any(|arg| matches!(arg.arg, WrapArg::Param(_) | WrapArg::Rest(_)))
        {
            self.wrapping.passes_params_on.insert(frame);
        }
        self.facts.wrapper_calls.push(WrapperCall {
            callee,
            span: self.span(call.span),
            frame,
            args,
        });
    }

    /// Whether a call of function `id` of this file is known not to be a wrapper's, so
    /// that recording it (its arguments' values, listeners and sockets: most of what a
    /// large file's walk spends on calls) can be skipped: the function has been walked
    /// to its end, holds no wrapped site and passes none of its parameters on. Such a
    /// call is what [`Self::keep_wrapper_calls`] would drop at the end of the walk; the
    /// calls to functions not walked yet (declared further down) are left to it.
    fn cannot_wrap(&mut self, id: FuncId) -> bool {
        if !self
            .wrapping
            .left
            .get(id as usize)
            .copied()
            .unwrap_or(false)
        {
            return false;
        }
        self.note_wrapped_sites();
        !self.wrapping.may_wrap(id)
    }

    /// Brings [`Wrapping::with_wrapped_sites`] up to the wrappers recorded so far.
    fn note_wrapped_sites(&mut self) {
        let wrapping = &mut self.wrapping;
        let unseen = self
            .facts
            .wrappers
            .get(wrapping.wrappers_seen..)
            .unwrap_or_default();
        wrapping
            .with_wrapped_sites
            .extend(unseen.iter().map(|wrapper| wrapper.func));
        wrapping.wrappers_seen = self.facts.wrappers.len();
    }

    fn wrapper_callee(&mut self, callee: &Expr) -> Option<FnCallee> {
        if let Some(method) = self.instance_method(callee) {
            return Some(method);
        }
        if let Expr::Member(member) = unwrap_expr(callee)
            && let Expr::This(_) = unwrap_expr(&member.obj)
        {
            let MemberProp::Ident(method) = &member.prop else {
                return None;
            };
            let lo = *self.class_methods.last()?.get(&*method.sym)?;
            let name = method.sym.as_str().to_owned();
            return Some(FnCallee::Local(self.func_id(lo, Some(name))));
        }
        self.project_callee(callee)
    }

    /// `const api = new Api(io(url))` with `Api` declared above or imported from a
    /// project file: `api` is an instance of it, whose methods `api.send(...)` calls.
    pub(super) fn note_instance(&mut self, name: &str, init: &Expr) {
        let Expr::New(new) = unwrap_expr(init) else {
            return;
        };
        let Expr::Ident(class) = unwrap_expr(&new.callee) else {
            return;
        };
        if let Some(instance) = self.project_class(&class.sym) {
            self.instances.insert(name.to_owned(), instance);
        }
    }

    /// The class of the project a name in scope stands for: imported from a project
    /// file (named, default or renamed), or declared above in this file.
    fn project_class(&self, name: &str) -> Option<InstanceOf> {
        match self.lookup(name) {
            Some(Binding::Import {
                specifier,
                name: imported,
            }) if imported != "*" && is_project_specifier(specifier) => {
                Some(InstanceOf::Imported(specifier.clone(), imported.clone()))
            }
            // An import of a package's class (`Repository` from typeorm) is not ours.
            Some(Binding::Import { .. }) => None,
            _ if self.local_classes.contains_key(name) => Some(InstanceOf::Local(name.to_owned())),
            _ => None,
        }
    }

    /// The class of the project a type annotation names: `Api`, not `Api[]`,
    /// `Api<T>` is still an `Api`; a qualified `ns.Api` is left alone.
    fn annotated_class(&self, ann: Option<&TsTypeAnn>) -> Option<InstanceOf> {
        let TsType::TsTypeRef(reference) = &*ann?.type_ann else {
            return None;
        };
        let TsEntityName::Ident(class) = &reference.type_name else {
            return None;
        };
        self.project_class(&class.sym)
    }

    /// The fields of a class declared with a class of the project as their type, the
    /// way dependency injection fills them (`constructor(private api: Api)`, NestJS
    /// services) or a framework sets them later (`api!: Api`): `this.api.send(...)` in
    /// its methods calls `Api`'s method.
    pub(super) fn typed_instance_fields(
        &self,
        class: &Class,
    ) -> rustc_hash::FxHashMap<String, InstanceOf> {
        let mut fields = rustc_hash::FxHashMap::default();
        for member in &class.body {
            match member {
                ClassMember::ClassProp(prop) if !prop.is_static => {
                    let Some(name) = prop_name(&prop.key) else {
                        continue;
                    };
                    if let Some(instance) = self.annotated_class(prop.type_ann.as_deref()) {
                        fields.insert(name, instance);
                    }
                }
                ClassMember::Constructor(constructor) => {
                    for param in &constructor.params {
                        let ParamOrTsParamProp::TsParamProp(prop) = param else {
                            continue;
                        };
                        let ident = match &prop.param {
                            TsParamPropParam::Ident(ident) => ident,
                            TsParamPropParam::Assign(assign) => match &*assign.left {
                                Pat::Ident(ident) => ident,
                                _ => continue,
                            },
                        };
                        if let Some(instance) = self.annotated_class(ident.type_ann.as_deref()) {
                            fields.insert(ident.id.sym.as_str().to_owned(), instance);
                        }
                    }
                }
                _ => {}
            }
        }
        fields
    }

    /// `api.emit("job:progress", p)` on an instance of a class of the project: a call of
    /// its method `emit`, in this file or in the class's (found there by name when
    /// linking).
    fn instance_method(&mut self, callee: &Expr) -> Option<FnCallee> {
        let Expr::Member(member) = unwrap_expr(callee) else {
            return None;
        };
        let MemberProp::Ident(method) = &member.prop else {
            return None;
        };
        let of = match unwrap_expr(&member.obj) {
            Expr::Ident(instance) if !self.instances.is_empty() => {
                let of = self.instances.get(&*instance.sym)?.clone();
                // The name may be bound to something else where the call is (a
                // parameter of the same name).
                if !matches!(
                    self.lookup(&instance.sym),
                    Some(Binding::Unknown | Binding::Data | Binding::Value(_))
                ) {
                    return None;
                }
                of
            }
            // `this.api.send(...)`: a field typed by a class of the project.
            Expr::Member(field) if matches!(unwrap_expr(&field.obj), Expr::This(_)) => {
                let MemberProp::Ident(name) = &field.prop else {
                    return None;
                };
                self.field_instances.last()?.get(&*name.sym)?.clone()
            }
            _ => return None,
        };
        // A socket's own `emit` is not a method of the class.
        if self.socket(&member.obj).is_some() {
            return None;
        }
        let method = method.sym.as_str().to_owned();
        match of {
            InstanceOf::Imported(specifier, class) => Some(FnCallee::Import {
                specifier,
                name: class,
                path: vec![method],
            }),
            InstanceOf::Local(class) => {
                let lo = *self.local_classes.get(&class)?.get(&method)?;
                Some(FnCallee::Local(self.func_id(lo, Some(method))))
            }
        }
    }

    /// The methods of a class by name, with where each function starts.
    pub(super) fn methods_of(&self, class: &Class) -> rustc_hash::FxHashMap<String, u32> {
        class
            .body
            .iter()
            .filter_map(|member| match member {
                ClassMember::Method(method) if method.kind == MethodKind::Method => {
                    Some((prop_name(&method.key)?, method.function.span.lo.0))
                }
                _ => None,
            })
            .collect()
    }

    /// Keeps only the calls whose callee may be a wrapper: an imported function (its
    /// file decides), or a local one that holds a wrapped site or passes its own
    /// parameters on to another call.
    pub(super) fn keep_wrapper_calls(&mut self) {
        if self.facts.wrapper_calls.is_empty() {
            return;
        }
        self.note_wrapped_sites();
        let wrapping = &self.wrapping;
        self.facts.wrapper_calls.retain(|call| match &call.callee {
            FnCallee::Local(id) => wrapping.may_wrap(*id),
            _ => true,
        });
    }
}

/// An import from a file of the project rather than a package: relative, absolute, or
/// one of the usual source-root aliases.
pub(super) fn is_project_specifier(specifier: &str) -> bool {
    specifier.starts_with('.')
        || specifier.starts_with('/')
        || specifier.starts_with("@/")
        || specifier.starts_with("~/")
        || specifier.starts_with('#')
}

#[cfg(test)]
mod tests {
    use crate::discover::FileKind;
    use crate::facts::Callee;

    /// The callees of the calls with an event name in a server file declaring the
    /// class `Orders` with `members`: `Class.method` for a method of an imported
    /// class, `local method` for one of a class of this file.
    fn callees(members: &str, body: &str) -> Vec<String> {
        let source = format!(
            "import Notify from \"./notify.service\";\nimport {{ Mailer as M }} from \"./mailer\";\nimport {{ HttpService }} from \"@nestjs/axios\";\nimport {{ Server }} from \"socket.io\";\nclass Audit {{ constructor(private io: Server) {{}} log(event: string) {{ this.io.emit(event); }} }}\nexport class Orders {{\n{members}\nasync place() {{\n{body}\n}}\n}}\n"
        );
        let facts = crate::lang::ts::extract(&source, FileKind::Ts, &[], None);
        facts
            .wrapper_calls
            .iter()
            .map(|call| match &call.callee {
                Callee::Import { name, path, .. } => format!("{name}.{}", path.join(".")),
                Callee::Local(id) => format!(
                    "local {}",
                    facts.functions[*id as usize].name.as_deref().unwrap_or("?")
                ),
                Callee::Named(name) => format!("named {name}"),
            })
            .collect()
    }

    #[test]
    fn fields_typed_by_a_project_class_call_its_methods() {
        // Parameter properties, whichever modifier declares them.
        assert_eq!(
            callees(
                "constructor(private notify: Notify, readonly mail: M, public audit: Audit) {}",
                "this.notify.toUser(\"a\"); this.mail.send(\"b\"); this.audit.log(\"c\");"
            ),
            ["default.toUser", "Mailer.send", "local log"]
        );
        // Class properties filled by the framework.
        assert_eq!(
            callees(
                "notify!: Notify;\n@Inject(M) private readonly mail: M;",
                "this.notify.toUser(\"a\"); this.mail.send(\"b\");"
            ),
            ["default.toUser", "Mailer.send"]
        );
    }

    /// A call of a function walked before it is recorded only when that function may be
    /// a wrapper, as one of a function further down always is (it is sorted out at the
    /// end of the walk).
    #[test]
    fn calls_of_functions_that_cannot_wrap_are_not_recorded() {
        let source = "import { io } from \"socket.io-client\";\nconst socket = io();\n\
            function send(ev, payload) { socket.emit(ev, payload); }\n\
            function relay(ev) { later(ev); }\n\
            function format(x) { return x + \"!\"; }\n\
            send(\"a\", 1); relay(\"b\"); format(\"c\");\n\
            function later(name) { socket.emit(name); }\n\
            later(\"d\");\n";
        let facts = crate::lang::ts::extract(source, FileKind::Js, &[], None);
        let called: Vec<String> = facts
            .wrapper_calls
            .iter()
            .map(|call| source[call.span.start as usize..call.span.end as usize].to_owned())
            .collect();
        assert_eq!(
            called,
            [
                "later(ev)",
                "send(\"a\", 1)",
                "relay(\"b\")",
                "later(\"d\")"
            ]
        );
    }

    #[test]
    fn fields_of_other_types_call_nothing_known() {
        assert!(
            callees(
                "constructor(private http: HttpService, private all: Notify[], plain: Notify) {}\nstatic shared: Notify;",
                "this.http.post(\"a\"); this.all.push(\"b\"); this.plain.toUser(\"c\"); this.shared.toUser(\"d\");"
            )
            .is_empty()
        );
    }
}
