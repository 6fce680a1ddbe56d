//! One integration-test binary (every extra binary re-links swc).

mod cli;
mod fixtures;
mod formats;
mod rule_docs;
