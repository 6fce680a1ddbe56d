//! The threads files are parsed and extracted on.
//!
//! One pool, made once per process (fix passes analyse again) with stacks of
//! [`WORKER_STACK`], and never rayon's global pool, whose threads would have the default
//! stack.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Deep enough for machine-generated code nested thousands of levels.
const WORKER_STACK: usize = 256 << 20;

/// How many worker threads parse files (`--threads N`); 0: one per core.
static THREADS: AtomicUsize = AtomicUsize::new(0);

/// Sets the number of worker threads (`--threads N`); 0 is one per core. Takes effect
/// only before the first analysis, which starts the workers.
pub fn set_threads(threads: usize) {
    THREADS.store(threads, Ordering::Relaxed);
}

fn workers() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(THREADS.load(Ordering::Relaxed))
            .stack_size(WORKER_STACK)
            .thread_name(|i| format!("wirelint-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// How many threads [`on_workers`] runs work on (for `--timings`).
pub(crate) fn count() -> usize {
    workers().map_or(1, rayon::ThreadPool::current_num_threads)
}

/// Runs `work` on the workers, or on this thread if they could not be started.
pub(crate) fn on_workers<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match workers() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}
