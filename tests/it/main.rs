//! One integration-test binary (every extra binary re-links swc).

mod baseline;
mod cli;
mod config;
mod fixes;
mod fixtures;
mod formats;
mod only_files;
mod robustness;
mod rule_docs;
mod stdin;
mod trace;
