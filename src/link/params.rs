//! Sockets passed into functions: which functions a call reaches, and the rounds that
//! fill each parameter with the sockets its callers pass, until nothing changes.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use super::sockets::SocketValue;
use super::{CallTargets, Linker, PropTargets};
use crate::facts::{Callee, ExportValue, FuncId, Origin, SocketRef};
use crate::graph::FileId;

/// One argument of a call that passes sockets: (call, argument) in the calls with
/// socket arguments, or (call, property) in those with socket properties. Indexes of
/// 32 bits: a `node_modules` tree passes some 180 000 arguments, each listed a few
/// times over while linking, and the link pays for every fresh page it touches.
#[derive(Clone, Copy, Debug)]
pub(super) enum PassedArg {
    Call(u32, u32),
    Prop(u32, u32),
}

/// What the rounds fill: a parameter of a function, or a property of an object
/// parameter (`props.socket`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Slot<'a> {
    Param(FileId, FuncId, u32),
    Prop(FileId, FuncId, u32, &'a str),
}

impl<'a> Linker<'a> {
    /// Fills function parameters from the calls that pass sockets, until nothing changes.
    ///
    /// A parameter that some call fills does not fall back to its declared type while
    /// the calls are still being followed: otherwise a caller met before its own
    /// parameter is filled would pass on "a socket of any namespace" for good. Once the
    /// calls settle, the parameters they left empty fall back to their type, and what
    /// that gives is passed on too. That second phase starts from the arguments whose
    /// resolution withheld a fallback in the calls' last round (none: it is skipped):
    /// letting the fallbacks in changes no other answer.
    pub(super) fn propagate_params(&mut self) {
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
        let live = self.live_args(&calls, &prop_calls);
        for &passed in &live {
            each_filled_slot(&calls, &prop_calls, passed, |slot| {
                if let Slot::Param(file, func, index) = slot {
                    self.params.entry((file, func, index)).or_default();
                }
            });
        }
        self.params_settled = false;
        let withheld = self.propagate_rounds(&calls, &prop_calls, &live, None);
        self.params_settled = true;
        if withheld.as_ref().is_none_or(|args| !args.is_empty()) {
            self.propagate_rounds(&calls, &prop_calls, &live, withheld.as_deref());
        }
    }

    /// The arguments worth resolving, in the order of the calls: those passed to a
    /// parameter that some resolution may read. A `node_modules` tree passes tens of
    /// thousands of values to functions that never use them as sockets; resolving each
    /// of them in every round was most of the time it took to link.
    ///
    /// Worked out backwards: the references the linker resolves for its own sake (sites,
    /// exports, fields, returns: [`crate::facts::FileFacts::resolved_socket_refs`]) read
    /// the parameters they name; an argument passed to a parameter that is read is
    /// resolved, so the parameters it names are read too. An argument left out only
    /// fills parameters nothing reads, so leaving it out changes no answer.
    fn live_args(
        &self,
        calls: &[CallTargets<'a>],
        prop_calls: &[PropTargets<'a>],
    ) -> Vec<PassedArg> {
        let every_arg = every_passed_arg(calls, prop_calls);
        // The arguments filling each slot, by their place in `every_arg`: each slot
        // filled gets a number, and its fillers a run of `fillers` (a map of lists was
        // a small allocation for each of the tens of thousands of slots a
        // `node_modules` tree fills). The map grows as it is filled: sized for every
        // argument it was four times too large there (46 000 slots for 180 000
        // arguments), and the link pays for each fresh page it touches.
        let mut slot_ids: HashMap<Slot<'a>, u32> = HashMap::default();
        let mut filled: Vec<(u32, u32)> = Vec::with_capacity(every_arg.len());
        for (at, &passed) in every_arg.iter().enumerate() {
            each_filled_slot(calls, prop_calls, passed, |slot| {
                let next = slot_ids.len() as u32;
                let id = *slot_ids.entry(slot).or_insert(next);
                filled.push((id, at as u32));
            });
        }
        // Grouped by slot with a counting sort: `starts[id]..starts[id + 1]`.
        let mut starts = vec![0usize; slot_ids.len() + 1];
        for &(id, _) in &filled {
            starts[id as usize + 1] += 1;
        }
        for id in 0..slot_ids.len() {
            starts[id + 1] += starts[id];
        }
        let mut fillers = vec![0u32; filled.len()];
        let mut next = starts.clone();
        for &(id, at) in &filled {
            fillers[next[id as usize]] = at;
            next[id as usize] += 1;
        }
        let fillers_of = |id: u32| &fillers[starts[id as usize]..starts[id as usize + 1]];
        let mut read = vec![false; slot_ids.len()];
        let mut reads: Vec<Slot<'a>> = Vec::new();
        for (file, source) in self.files.iter().enumerate() {
            source
                .facts
                .resolved_socket_refs(&mut |socket| slots_read(file, socket, &mut reads));
        }
        let mut live = vec![false; every_arg.len()];
        while let Some(slot) = reads.pop() {
            // A slot no argument fills makes none live.
            let Some(&id) = slot_ids.get(&slot) else {
                continue;
            };
            if std::mem::replace(&mut read[id as usize], true) {
                continue;
            }
            for &at in fillers_of(id) {
                if !std::mem::replace(&mut live[at as usize], true) {
                    let (file, socket) = passed_socket(calls, prop_calls, every_arg[at as usize]);
                    slots_read(file, socket, &mut reads);
                }
            }
        }
        (every_arg.into_iter().zip(live))
            .filter_map(|(passed, live)| live.then_some(passed))
            .collect()
    }

    /// Rounds of passing the sockets of the `live` arguments (see [`Self::live_args`])
    /// to the parameters of their callees, until a round changes nothing. `first`: the
    /// only arguments whose answers can have changed since the last round (all the live
    /// ones when `None`); a first round over them that changes
    /// nothing ends there. After a round, only the arguments whose resolution read
    /// parameters are resolved again: the others' answers cannot change. Returns the
    /// arguments whose resolution withheld a fallback in the last round (see
    /// `fallback_withheld`), or `None` when the rounds ran out unsettled.
    pub(super) fn propagate_rounds(
        &mut self,
        calls: &[CallTargets<'a>],
        prop_calls: &[PropTargets<'a>],
        live: &[PassedArg],
        first: Option<&[PassedArg]>,
    ) -> Option<Vec<PassedArg>> {
        let mut args: Vec<PassedArg> = first.unwrap_or(live).to_vec();
        let mut settled = None;
        for round in 0..8 {
            // Only answers that read parameters can change with them.
            self.memo
                .borrow_mut()
                .retain(|_, (_, reads_params, _)| !*reads_params);
            let mut changed = false;
            let mut withheld = Vec::new();
            let mut read_params = Vec::new();
            for &passed in &args {
                self.reads_params.set(false);
                self.fallback_withheld.set(false);
                changed |= self.pass_on(calls, prop_calls, passed);
                if self.reads_params.get() {
                    read_params.push(passed);
                }
                if self.fallback_withheld.get() {
                    withheld.push(passed);
                }
            }
            if !changed {
                settled = Some(withheld);
                break;
            }
            if round == 0 && first.is_some() {
                // Some of the arguments changed what the others may read: all again.
                self.memo.borrow_mut().clear();
                return self.propagate_rounds(calls, prop_calls, live, None);
            }
            args = read_params;
        }
        self.memo.borrow_mut().clear();
        settled
    }

    /// Passes the sockets of one argument to the parameters of the functions its call
    /// reaches: whether that added any.
    fn pass_on(
        &mut self,
        calls: &[CallTargets<'a>],
        prop_calls: &[PropTargets<'a>],
        passed: PassedArg,
    ) -> bool {
        let (file, socket) = passed_socket(calls, prop_calls, passed);
        let values = self.socket(file, socket, 0);
        let mut changed = false;
        each_filled_slot(calls, prop_calls, passed, |slot| {
            let filled = match slot {
                Slot::Param(file, func, index) => {
                    self.params.entry((file, func, index)).or_default()
                }
                Slot::Prop(file, func, index, name) => self
                    .props
                    .entry((file, func, index, name.to_owned()))
                    .or_default(),
            };
            changed |= add_all(filled, &values);
        });
        changed
    }

    /// The sockets passed to each parameter, noted as read by the resolution under way.
    pub(super) fn read_params(&self) -> &HashMap<(FileId, FuncId, u32), BTreeSet<SocketValue>> {
        self.reads_params.set(true);
        &self.params
    }

    /// The same for properties of object parameters.
    pub(super) fn read_props(
        &self,
    ) -> &HashMap<(FileId, FuncId, u32, String), BTreeSet<SocketValue>> {
        self.reads_params.set(true);
        &self.props
    }

    pub(super) fn callees(&self, file: FileId, callee: &Callee) -> Vec<(FileId, FuncId)> {
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
    pub(super) fn named_functions(&self, caller: FileId, name: &str) -> Vec<(FileId, FuncId)> {
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
                nearest = self.nearest_namesakes(caller, name, found);
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

    /// [`Linker::nearest_holders`] of the functions called `name`, remembered per
    /// caller: a file calls the same common names (`get`, `visit`) over and over, and
    /// each answer weighs every namesake in the tree.
    fn nearest_namesakes(
        &self,
        caller: FileId,
        name: &str,
        found: &[(FileId, FuncId)],
    ) -> Vec<(FileId, FuncId)> {
        if let Some(known) = self
            .nearest_namesakes
            .borrow()
            .get(&caller)
            .and_then(|by_name| by_name.get(name))
        {
            return known.clone();
        }
        let nearest = self.nearest_holders(caller, found);
        let mut memo = self.nearest_namesakes.borrow_mut();
        memo.entry(caller)
            .or_default()
            .insert(name.into(), nearest.clone());
        nearest
    }

    /// The entries held by the files nearest `file` in the directory tree (sharing the
    /// longest leading run of path components with it).
    pub(super) fn nearest_holders<T: Copy>(
        &self,
        file: FileId,
        holders: &[(FileId, T)],
    ) -> Vec<(FileId, T)> {
        let mut components = self.path_components.borrow_mut();
        let reader = components.of(file, &self.files[file].path);
        // Each holder's closeness is measured once: a common name (`get`, `init`) has
        // hundreds of holders in a `node_modules` tree, asked from every caller.
        let closeness: Vec<usize> = holders
            .iter()
            .map(|&(holder, _)| {
                let holder = components.of(holder, &self.files[holder].path);
                (reader.iter().zip(holder.iter()))
                    .take_while(|(a, b)| a == b)
                    .count()
            })
            .collect();
        let nearest = closeness.iter().copied().max().unwrap_or(0);
        (holders.iter().zip(&closeness))
            .filter(|&(_, &close)| close == nearest)
            .map(|(&holder, _)| holder)
            .collect()
    }
}

/// Every argument of the calls that pass sockets, in the order of the calls.
fn every_passed_arg(calls: &[CallTargets], prop_calls: &[PropTargets]) -> Vec<PassedArg> {
    let calls = calls.iter().enumerate().flat_map(|(at, (_, call, _))| {
        (0..call.args.len()).map(move |arg| PassedArg::Call(at as u32, arg as u32))
    });
    let props = prop_calls
        .iter()
        .enumerate()
        .flat_map(|(at, (_, call, _))| {
            (0..call.props.len()).map(move |prop| PassedArg::Prop(at as u32, prop as u32))
        });
    calls.chain(props).collect()
}

/// The file and socket of one argument.
fn passed_socket<'a>(
    calls: &[CallTargets<'a>],
    prop_calls: &[PropTargets<'a>],
    passed: PassedArg,
) -> (FileId, &'a SocketRef) {
    match passed {
        PassedArg::Call(at, arg) => {
            let (file, call, _) = &calls[at as usize];
            (*file, &call.args[arg as usize].1)
        }
        PassedArg::Prop(at, prop) => {
            let (file, call, _) = &prop_calls[at as usize];
            (*file, &call.props[prop as usize].1)
        }
    }
}

/// Each slot one argument fills, in order: the parameter it is passed to, or the
/// property of one, in each function its call reaches.
fn each_filled_slot<'a>(
    calls: &[CallTargets<'a>],
    prop_calls: &[PropTargets<'a>],
    passed: PassedArg,
    mut each: impl FnMut(Slot<'a>),
) {
    match passed {
        PassedArg::Call(at, arg) => {
            let (_, call, targets) = &calls[at as usize];
            let index = call.args[arg as usize].0;
            for &(file, func) in targets {
                each(Slot::Param(file, func, index));
            }
        }
        PassedArg::Prop(at, prop) => {
            let (_, call, targets) = &prop_calls[at as usize];
            let name = call.props[prop as usize].0.as_str();
            for &(file, func) in targets {
                each(Slot::Prop(file, func, call.index, name));
            }
        }
    }
}

/// The slots reading `socket` may read: the parameter or property it comes from, and
/// those of its alternatives and fallback.
fn slots_read<'a>(file: FileId, socket: &'a SocketRef, out: &mut Vec<Slot<'a>>) {
    match &socket.origin {
        Origin::Param { func, index, .. } => out.push(Slot::Param(file, *func, *index)),
        Origin::Prop {
            func,
            index,
            name,
            fallback,
        } => {
            out.push(Slot::Prop(file, *func, *index, name));
            if let Some(fallback) = fallback {
                slots_read(file, fallback, out);
            }
        }
        Origin::FirstOf(alternatives) => {
            for alternative in alternatives {
                slots_read(file, alternative, out);
            }
        }
        _ => {}
    }
}

/// Adds `values` to `slot`: whether any was new. Most rounds pass on what a slot already
/// holds, and a value is copied only when it is not there.
fn add_all(slot: &mut BTreeSet<SocketValue>, values: &[SocketValue]) -> bool {
    let mut added = false;
    for value in values {
        if !slot.contains(value) {
            slot.insert(value.clone());
            added = true;
        }
    }
    added
}
