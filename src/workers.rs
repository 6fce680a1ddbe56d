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

/// `work` of every index in `0..count`, in index order, run on the workers largest first.
/// `plan` says how large each is (or a guess) and what `work` needs of it, found for all
/// of them first. In path order, a tree whose two largest files sort last
/// (`node_modules/typescript/lib/`) left one worker parsing them alone while the other
/// had nothing left to do; started first, they run alongside the small files, which fill
/// in at the end. Each index is a job of its own, so that a worker that is done takes the
/// next file instead of waiting behind a run of them.
pub(crate) fn map_largest_first<P: Send + Sync, T: Send + Sync>(
    count: usize,
    plan: impl Fn(usize) -> (u64, P) + Sync + Send,
    work: impl Fn(usize, P) -> T + Sync + Send,
) -> Vec<T> {
    use rayon::prelude::*;
    on_workers(|| {
        let (sizes, plans): (Vec<u64>, Vec<P>) = (0..count).into_par_iter().map(&plan).unzip();
        // Nothing tells the items apart (a warm run: every file is most likely
        // unchanged): in index order, with rayon's own splitting, which costs less than a
        // job per item.
        if sizes.iter().all(|&size| size == 0) {
            return (plans.into_par_iter().enumerate())
                .map(|(index, plan)| work(index, plan))
                .collect();
        }
        let jobs = largest_first(&sizes, plans);
        // Each result goes straight to its place: results are large (a file's facts), and
        // moving them through a list in the order they were made and back to index order
        // cost a measurable share of a short run.
        let results: Vec<std::sync::OnceLock<T>> = std::iter::repeat_with(std::sync::OnceLock::new)
            .take(count)
            .collect();
        jobs.into_par_iter()
            .with_max_len(1)
            .for_each(|(index, plan)| {
                let _ = results[index].set(work(index, plan));
            });
        let mut in_order = Vec::with_capacity(count);
        in_order.extend(
            results
                .into_iter()
                .filter_map(std::sync::OnceLock::into_inner),
        );
        in_order
    })
}

/// Each item with its index, largest first by `sizes`; equal sizes in index order.
fn largest_first<P>(sizes: &[u64], items: Vec<P>) -> Vec<(usize, P)> {
    let mut jobs: Vec<(usize, P)> = items.into_iter().enumerate().collect();
    // A stable sort: equal sizes keep their order.
    jobs.sort_by_key(|&(index, _)| std::cmp::Reverse(sizes[index]));
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_go_first_and_equals_keep_their_order() {
        let jobs = largest_first(&[3, 9, 0, 9, 5], vec!['a', 'b', 'c', 'd', 'e']);
        assert_eq!(jobs, vec![(1, 'b'), (3, 'd'), (4, 'e'), (0, 'a'), (2, 'c')]);
        assert_eq!(largest_first::<()>(&[], Vec::new()), Vec::new());
    }

    #[test]
    fn results_come_back_in_index_order() {
        let sizes = [5u64, 100, 0, 7, 100, 1];
        let started = std::sync::Mutex::new(Vec::new());
        let results = map_largest_first(
            sizes.len(),
            |index| (sizes[index], ()),
            |index, ()| {
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
        // Nothing to tell them apart (a warm run's files): the same results.
        let results = map_largest_first(4, |index| (0, index), |index, plan| (index, plan));
        assert_eq!(results, vec![(0, 0), (1, 1), (2, 2), (3, 3)]);
    }
}
