//! One integration-test binary (every extra binary re-links swc).

mod cli;
mod fixes;
mod fixtures;
mod robustness;
mod rule_docs;
mod trace;
