//! The walk's lexical scope chain: what each name is bound to, the innermost binding
//! first.
//!
//! A chain of one map per scope hashed a name once per level on every look-up (most
//! names are looked up from a few levels deep and many are not bound at all), and
//! allocated a map per function and block and a key per binding. Here each name is
//! hashed once per look-up, into its slot; the bindings of the open scopes are one
//! stack, outermost first, each linking to the binding of its name it shadows, and a
//! slot points at its name's innermost binding. A name's key is allocated once per
//! file and a binding costs no allocation of its own; leaving a scope truncates the
//! stack and points each of its names back at the binding it had shadowed.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::bindings::Binding;

/// A name bound somewhere in the file: its index in [`Scopes::innermost`], stable for
/// the whole walk.
pub(super) type Slot = u32;

/// No binding: a slot whose name is bound in no open scope, or a binding that
/// shadows none.
const NONE: u32 = u32::MAX;

struct Bound {
    slot: Slot,
    /// The depth of the scope that holds it (0: the module's).
    depth: u32,
    binding: Binding,
    /// The binding of the same name it shadows, by index in `Scopes::bound`.
    shadowed: u32,
}

pub(super) struct Scopes {
    /// Each name bound so far in the file, by its slot.
    slots: HashMap<Box<str>, Slot>,
    /// By slot: the index in `bound` of the name's innermost binding.
    innermost: Vec<u32>,
    /// The bindings of the open scopes, outermost scope first (one per name and scope:
    /// binding a name again in the same scope replaces its binding there).
    bound: Vec<Bound>,
    /// By open scope, outermost first: where its bindings start in `bound`.
    scope_starts: Vec<usize>,
}

impl Scopes {
    /// The chain with the module's scope open.
    pub(super) fn new() -> Scopes {
        Scopes {
            // Most files bind a few dozen names: the table is not regrown for them.
            slots: HashMap::with_capacity_and_hasher(64, Default::default()),
            innermost: Vec::with_capacity(64),
            bound: Vec::with_capacity(64),
            scope_starts: vec![0],
        }
    }

    /// How many scopes are open: the innermost one is at depth `len() - 1`.
    pub(super) fn len(&self) -> usize {
        self.scope_starts.len()
    }

    /// Opens a scope inside the innermost one.
    pub(super) fn push(&mut self) {
        self.scope_starts.push(self.bound.len());
    }

    /// Opens a scope inside the innermost one with `bindings` bound in it, in order (a
    /// name bound twice keeps the last); where they are among the bindings, for
    /// [`Self::is_bound_at`] while the scope is open.
    pub(super) fn push_bound<Name: AsRef<str>>(
        &mut self,
        bindings: impl IntoIterator<Item = (Name, Binding)>,
    ) -> Range<usize> {
        self.push();
        let start = self.bound.len();
        for (name, binding) in bindings {
            self.insert(name.as_ref(), binding);
        }
        start..self.bound.len()
    }

    /// Whether `name` is one of the names bound at `at` (what [`Self::push_bound`]
    /// returned for a scope still open): binding one of them again in that scope
    /// replaces its binding in place, and names bound after it come after `at`.
    pub(super) fn is_bound_at(&self, at: &Range<usize>, name: &str) -> bool {
        let Some(slot) = self.slot(name) else {
            return false;
        };
        self.bound
            .get(at.clone())
            .is_some_and(|bound| bound.iter().any(|bound| bound.slot == slot))
    }

    /// Leaves the innermost scope: its names are bound as they were before it.
    pub(super) fn pop(&mut self) {
        let Some(start) = self.scope_starts.pop() else {
            return;
        };
        // Read in place, then dropped there: a binding is large, and draining would
        // move each out first.
        for left in self.bound.get(start..).unwrap_or_default() {
            if let Some(innermost) = self.innermost.get_mut(left.slot as usize) {
                *innermost = left.shadowed;
            }
        }
        self.bound.truncate(start);
    }

    /// Binds `name` in the innermost scope, replacing what it was bound to there; the
    /// name's slot.
    pub(super) fn insert(&mut self, name: &str, binding: Binding) -> Option<Slot> {
        let depth = self.scope_starts.len().checked_sub(1)? as u32;
        let slot = match self.slots.get(name) {
            Some(&slot) => slot,
            None => {
                let slot = self.innermost.len() as Slot;
                self.slots.insert(name.into(), slot);
                self.innermost.push(NONE);
                slot
            }
        };
        let innermost = self.innermost.get_mut(slot as usize)?;
        match self.bound.get_mut(*innermost as usize) {
            Some(bound) if bound.depth == depth => bound.binding = binding,
            _ => {
                let shadowed = *innermost;
                *innermost = self.bound.len() as u32;
                self.bound.push(Bound {
                    slot,
                    depth,
                    binding,
                    shadowed,
                });
            }
        }
        Some(slot)
    }

    /// The slot of `name`, when it has been bound in this file.
    pub(super) fn slot(&self, name: &str) -> Option<Slot> {
        self.slots.get(name).copied()
    }

    fn innermost(&self, name: &str) -> Option<&Bound> {
        let slot = *self.slots.get(name)?;
        self.bound.get(*self.innermost.get(slot as usize)? as usize)
    }

    /// What `name` is bound to, in the innermost scope that binds it.
    pub(super) fn get(&self, name: &str) -> Option<&Binding> {
        self.innermost(name).map(|bound| &bound.binding)
    }

    pub(super) fn get_mut(&mut self, name: &str) -> Option<&mut Binding> {
        let slot = *self.slots.get(name)?;
        let index = *self.innermost.get(slot as usize)?;
        self.bound
            .get_mut(index as usize)
            .map(|bound| &mut bound.binding)
    }

    /// The depth of the innermost scope that binds `name` (0: the module's).
    pub(super) fn depth_of(&self, name: &str) -> Option<usize> {
        self.innermost(name).map(|bound| bound.depth as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Value;

    fn text(scopes: &Scopes, name: &str) -> Option<String> {
        match scopes.get(name) {
            Some(Binding::Value(Value::Str(text))) => Some(text.clone()),
            Some(other) => Some(format!("{other:?}")),
            None => None,
        }
    }

    fn value(text: &str) -> Binding {
        Binding::Value(Value::Str(text.to_owned()))
    }

    #[test]
    fn an_inner_binding_shadows_until_its_scope_is_left() {
        let mut scopes = Scopes::new();
        scopes.insert("socket", value("outer"));
        scopes.push();
        assert_eq!(text(&scopes, "socket").as_deref(), Some("outer"));
        scopes.insert("socket", value("inner"));
        scopes.insert("other", value("x"));
        assert_eq!(text(&scopes, "socket").as_deref(), Some("inner"));
        assert_eq!(scopes.depth_of("socket"), Some(1));
        scopes.pop();
        assert_eq!(text(&scopes, "socket").as_deref(), Some("outer"));
        assert_eq!(scopes.depth_of("socket"), Some(0));
        assert_eq!(text(&scopes, "other"), None);
        assert_eq!(scopes.depth_of("other"), None);
    }

    #[test]
    fn binding_again_in_the_same_scope_replaces() {
        let mut scopes = Scopes::new();
        scopes.push();
        let first = scopes.insert("ev", value("a"));
        let second = scopes.insert("ev", value("b"));
        assert_eq!(first, second);
        assert_eq!(text(&scopes, "ev").as_deref(), Some("b"));
        scopes.pop();
        assert_eq!(text(&scopes, "ev"), None);
        assert_eq!(scopes.len(), 1);
    }

    #[test]
    fn a_binding_made_through_get_mut_stays_in_its_scope() {
        let mut scopes = Scopes::new();
        scopes.insert("io", Binding::Unknown);
        scopes.push();
        scopes.push();
        if let Some(binding) = scopes.get_mut("io") {
            *binding = value("server");
        }
        scopes.pop();
        scopes.pop();
        assert_eq!(text(&scopes, "io").as_deref(), Some("server"));
    }

    #[test]
    fn the_names_a_scope_opened_with_stay_told_apart_from_later_ones() {
        let mut scopes = Scopes::new();
        scopes.insert("outer", Binding::Unknown);
        let params = scopes.push_bound([
            ("a", Binding::Unknown),
            ("b", Binding::Unknown),
            ("a", value("x")),
        ]);
        assert_eq!(params.len(), 2);
        scopes.insert("hoisted", Binding::Unknown);
        scopes.insert("a", value("again"));
        scopes.push();
        scopes.insert("inner", Binding::Unknown);
        assert!(scopes.is_bound_at(&params, "a"));
        assert!(scopes.is_bound_at(&params, "b"));
        assert!(!scopes.is_bound_at(&params, "hoisted"));
        assert!(!scopes.is_bound_at(&params, "inner"));
        assert!(!scopes.is_bound_at(&params, "outer"));
        assert!(!scopes.is_bound_at(&params, "never"));
        assert_eq!(text(&scopes, "a").as_deref(), Some("again"));
    }

    #[test]
    fn leaving_the_module_scope_unbinds_everything() {
        let mut scopes = Scopes::new();
        scopes.insert("a", Binding::Unknown);
        scopes.pop();
        assert_eq!(scopes.len(), 0);
        assert!(scopes.get("a").is_none());
        assert_eq!(scopes.insert("a", Binding::Unknown), None);
        scopes.pop();
        assert_eq!(scopes.len(), 0);
    }
}
