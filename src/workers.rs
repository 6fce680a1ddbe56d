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

/// `work` of every index in `0..count`, in index order, run on the workers largest first
/// (`size`: how large each is, or a guess). In path order, a tree whose two largest
/// files sort last (`node_modules/typescript/lib/`) left one worker parsing them alone
/// while the other had nothing left to do; started first, they run alongside the small
/// files, which fill in at the end. Each index is a job of its own, so that a worker
/// that is done takes the next file instead of waiting behind a run of them.
pub(crate) fn map_largest_first<T: Send>(
    count: usize,
    size: impl Fn(usize) -> u64 + Sync + Send,
    work: impl Fn(usize) -> T + Sync + Send,
) -> Vec<T> {
    use rayon::prelude::*;
    on_workers(|| {
        let sizes: Vec<u64> = (0..count).into_par_iter().map(&size).collect();
        let order = largest_first(&sizes);
        let done: Vec<T> = order
            .par_iter()
            .with_max_len(1)
            .map(|&index| work(index))
            .collect();
        let mut in_order: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
        for (index, result) in order.into_iter().zip(done) {
            in_order[index] = Some(result);
        }
        in_order.into_iter().flatten().collect()
    })
}

/// The indexes of `sizes`, largest first; equal sizes in index order.
fn largest_first(sizes: &[u64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(sizes[index]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_go_first_and_equals_keep_their_order() {
        assert_eq!(largest_first(&[3, 9, 0, 9, 5]), vec![1, 3, 4, 0, 2]);
        assert_eq!(largest_first(&[]), Vec::<usize>::new());
    }

    #[test]
    fn results_come_back_in_index_order() {
        let sizes = [5u64, 100, 0, 7, 100, 1];
        let started = std::sync::Mutex::new(Vec::new());
        let results = map_largest_first(
            sizes.len(),
            |index| sizes[index],
            |index| {
                if let Ok(mut started) = started.lock() {
                    started.push(index);
                }
                index * 10
            },
        );
        assert_eq!(results, vec![0, 10, 20, 30, 40, 50]);
        let mut started = started.into_inner().unwrap_or_default();
        started.sort_unstable();
        assert_eq!(
            started,
            vec![0, 1, 2, 3, 4, 5],
            "each index is worked on once"
        );
    }
}
