//! One integration-test binary (every extra binary re-links swc).

mod cli;
mod fixes;
mod fixtures;
mod rule_docs;
mod trace;
