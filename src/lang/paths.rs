//! The state both all-paths analyses (`ts/flow.rs`, `rust/flow.rs`) carry through a
//! function: whether the target has been called on every path that reaches a point,
//! and the paths that leave without it.

use crate::facts::Missing;

/// What one statement or expression does to the state.
#[derive(Default)]
pub(super) struct Out {
    /// `None`: control does not continue past it. `Some(called)`: it does, and the
    /// target was called on every path that continues.
    pub fall: Option<bool>,
    /// Paths that leave the function without the call.
    pub exits: Vec<Missing>,
    /// Paths that leave through `break`, with their state.
    pub breaks: Option<bool>,
}

impl Out {
    pub fn falls(called: bool) -> Out {
        Out {
            fall: Some(called),
            ..Out::default()
        }
    }
}

/// Two paths joining: called after the join only if called on both.
pub(super) fn merge(a: Option<bool>, b: Option<bool>) -> Option<bool> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a && b),
        (Some(x), None) | (None, Some(x)) => Some(x),
        (None, None) => None,
    }
}
