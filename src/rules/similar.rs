//! "Did you mean": the one name that a misspelt event most likely meant.

use strsim::normalized_damerau_levenshtein;

use std::collections::HashMap;

use crate::graph::Ns;

/// How close a name must be when it is an orphan (handled but never emitted, or the
/// reverse): a typo pair is two orphans, so a loose match is still telling.
const ORPHAN_THRESHOLD: f64 = 0.4;
/// How close a name must be when it is already wired to something else.
const WIRED_THRESHOLD: f64 = 0.75;

#[derive(Debug, PartialEq, Eq)]
pub enum Closest<'a> {
    One(&'a str),
    /// Equally close candidates: no rename is offered.
    Several(Vec<&'a str>),
    None,
}

/// Candidate names for "did you mean", gathered once per rule run: (name, namespace,
/// orphan). Orphans are names nothing on the other side answers.
pub struct Pool<'g> {
    entries: Vec<(&'g str, &'g Ns, bool)>,
    by_family: HashMap<&'g str, Vec<usize>>,
}

/// Above this many candidates only names of the same family (`chat:` in
/// `chat:send`) are compared, so that thousands of findings in a huge project stay
/// linear.
const FAMILY_ONLY_ABOVE: usize = 256;

impl<'g> Pool<'g> {
    pub fn new(mut entries: Vec<(&'g str, &'g Ns, bool)>) -> Pool<'g> {
        entries.sort();
        entries.dedup();
        let mut by_family: HashMap<&'g str, Vec<usize>> = HashMap::new();
        for (i, (name, _, _)) in entries.iter().enumerate() {
            by_family.entry(family(name)).or_default().push(i);
        }
        Pool { entries, by_family }
    }

    /// The closest candidate in a namespace `ns` may reach, and whether it is an orphan.
    pub fn closest(&self, name: &str, ns: &Ns) -> (Closest<'g>, bool) {
        let all: Vec<usize>;
        let candidates: &[usize] = if self.entries.len() > FAMILY_ONLY_ABOVE {
            self.by_family.get(family(name)).map_or(&[], Vec::as_slice)
        } else {
            all = (0..self.entries.len()).collect();
            &all
        };
        let mut orphans = Vec::new();
        let mut wired = Vec::new();
        for &i in candidates {
            let (candidate, candidate_ns, orphan) = self.entries[i];
            if !candidate_ns.matches(ns) {
                continue;
            }
            if orphan {
                orphans.push(candidate);
            } else {
                wired.push(candidate);
            }
        }
        let found = closest(name, &orphans, &wired);
        let orphan = matches!(found, Closest::One(c) if orphans.contains(&c));
        (found, orphan)
    }
}

/// `chat` for `chat:send` and `app1:chat` for `app1:chat:send`: what a typo seldom
/// changes.
fn family(name: &str) -> &str {
    match name.rfind([':', '/', '.']) {
        Some(end) => &name[..end],
        None => name.get(..3).unwrap_or(name),
    }
}

/// Picks the closest candidate, looking at orphans first. An orphan may be a rename
/// (a typo pair is two orphans); a name already wired to something else only a typo.
pub fn closest<'a>(name: &str, orphans: &[&'a str], wired: &[&'a str]) -> Closest<'a> {
    match best(name, orphans, ORPHAN_THRESHOLD, plausible) {
        Closest::None => best(name, wired, WIRED_THRESHOLD, typo),
        found => found,
    }
}

fn best<'a>(
    name: &str,
    candidates: &[&'a str],
    threshold: f64,
    related: fn(&str, &str) -> bool,
) -> Closest<'a> {
    let mut scored: Vec<(f64, &'a str)> = candidates
        .iter()
        .filter(|c| **c != name && related(name, c))
        .filter_map(|c| Some((score_at_least(name, c, threshold)?, *c)))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    match scored.as_slice() {
        [] => Closest::None,
        [(_, only)] => Closest::One(only),
        [(first, a), (second, _), ..] if first - second > 0.05 => Closest::One(a),
        [(first, _), ..] => Closest::Several(
            scored
                .iter()
                .filter(|(score, _)| first - score <= 0.05)
                .map(|(_, c)| *c)
                .collect(),
        ),
    }
}

/// Characters that split an event name into words.
/// (`|` splits a Tauri plugin command, `plugin:sync|sync_now`.)
const SEPARATORS: &[char] = &[':', '/', '.', '-', '_', ' ', '|'];

/// How close a name must be to be a typo of another.
const TYPO_THRESHOLD: f64 = 0.75;

/// Whether `a` and `b` can be one name misspelt or renamed: a [`typo`], or one word of
/// several replaced with the separators kept (`message:new` → `message:create`). Two
/// unrelated names (`typing`, `conversation:join`) never are.
pub fn plausible(a: &str, b: &str) -> bool {
    if typo(a, b) {
        return true;
    }
    let (words_a, words_b) = (words(a), words(b));
    let differing = words_a.iter().zip(&words_b).filter(|(x, y)| x != y).count();
    separators(a) == separators(b) && words_a.len() > 1 && differing == 1
}

/// Whether `b` is `a` misspelt: the same words but for a separator
/// (`cloudflaredstart`), or the same separators with every differing word a small edit
/// of the other relative to its length (`room:jion`, `getUser`/`getUsers`; not
/// `cloudflared_start`/`cloudflared_stop`, two different words).
pub fn typo(a: &str, b: &str) -> bool {
    // Compared as they go by, without building the names joined or split: `best`
    // asks this of every candidate.
    fn joined(name: &str) -> impl Iterator<Item = char> + '_ {
        name.chars().filter(|c| !SEPARATORS.contains(c))
    }
    if joined(a).eq(joined(b)) {
        return true;
    }
    separators_of(a).eq(separators_of(b))
        && a.split(SEPARATORS)
            .zip(b.split(SEPARATORS))
            .all(|(x, y)| x == y || score_at_least(x, y, TYPO_THRESHOLD).is_some() || swapped(x, y))
}

/// `normalized_damerau_levenshtein(a, b)` when it is at least `threshold`, else `None`;
/// the same answers, without the distance's table when the characters the names do
/// not share already put it out of reach.
fn score_at_least(a: &str, b: &str, threshold: f64) -> Option<f64> {
    if let Some(bound) = score_bound(a, b)
        && bound < threshold
    {
        return None;
    }
    Some(normalized_damerau_levenshtein(a, b)).filter(|score| *score >= threshold)
}

/// A bound the score of two ASCII names cannot exceed, from the characters one has more
/// of than the other: each edit (insertion, deletion, substitution) makes up for at most
/// one such character of each name and a transposition for none, so the distance is at
/// least the larger count. The score is computed from the distance with the same
/// operations, which never decrease in it, so the bound is exact in floating point too.
/// `None` when a name is not ASCII or both are empty.
fn score_bound(a: &str, b: &str) -> Option<f64> {
    if !a.is_ascii() || !b.is_ascii() || (a.is_empty() && b.is_empty()) {
        return None;
    }
    let mut count = [0i32; 128];
    for byte in a.bytes() {
        count[usize::from(byte)] += 1;
    }
    for byte in b.bytes() {
        count[usize::from(byte)] -= 1;
    }
    let only_a: i32 = count.iter().filter(|&&c| c > 0).sum();
    let only_b: i32 = -count.iter().filter(|&&c| c < 0).sum::<i32>();
    let distance_at_least = only_a.max(only_b);
    let longest = a.len().max(b.len());
    Some(1.0 - (distance_at_least as f64) / (longest as f64))
}

/// Whether `b` is `a` with two neighbouring characters swapped (`nwo` for `now`): the
/// commonest slip, which in a short word the edit-distance ratio rates too far.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i])
}

fn separators(name: &str) -> Vec<char> {
    separators_of(name).collect()
}

fn separators_of(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().filter(|c| SEPARATORS.contains(c))
}

fn words(name: &str) -> Vec<&str> {
    name.split(SEPARATORS).collect()
}

/// `did you mean "a" or "b"?` for equally close names.
pub fn did_you_mean_any(candidates: &[&str]) -> String {
    let list = candidates
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(" or ");
    format!("did you mean {list}?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_bound_is_never_below_the_score() {
        // Every pair of names of up to four letters of three, and a few others.
        let mut names = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = (names.iter())
                .flat_map(|name| ["a", "b", "c"].map(|letter| format!("{name}{letter}")))
                .collect();
            names.extend(longer);
        }
        names.extend(["a:b", "ab_", "ba:", "é", "éa"].map(str::to_owned));
        for a in &names {
            for b in &names {
                let score = normalized_damerau_levenshtein(a, b);
                if let Some(bound) = score_bound(a, b) {
                    assert!(score <= bound, "{a} {b}");
                }
                for threshold in [ORPHAN_THRESHOLD, WIRED_THRESHOLD, TYPO_THRESHOLD] {
                    let expected = Some(score).filter(|score| *score >= threshold);
                    assert_eq!(score_at_least(a, b, threshold), expected, "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn typos_are_judged_as_on_names_joined_and_split() {
        let by_allocation = |a: &str, b: &str| {
            let joined = |name: &str| name.replace(SEPARATORS, "");
            if joined(a) == joined(b) {
                return true;
            }
            separators(a) == separators(b)
                && words(a).iter().zip(words(b)).all(|(x, y)| {
                    *x == y
                        || normalized_damerau_levenshtein(x, y) >= TYPO_THRESHOLD
                        || swapped(x, y)
                })
        };
        let names = [
            "room:join",
            "room:jion",
            "room:joi",
            "roomjoin",
            "room_join",
            "room:join:x",
            "getUser",
            "getUsers",
            "sync_nwo",
            "sync_now",
            "a|b",
            "a:b",
            "",
            ":",
            "é:x",
            "cloudflared_start",
            "cloudflared_stop",
            "cloudflaredstart",
            "x-y.z",
            "x.y-z",
        ];
        for a in names {
            for b in names {
                assert_eq!(typo(a, b), by_allocation(a, b), "{a} {b}");
            }
        }
    }

    #[test]
    fn orphans_win_over_closer_wired_names() {
        assert_eq!(
            closest(
                "message:new",
                &["message:create"],
                &["message:delete", "typing"]
            ),
            Closest::One("message:create")
        );
    }

    #[test]
    fn two_letters_swapped_are_a_typo_even_in_a_short_word() {
        assert!(typo("sync_nwo", "sync_now"));
        assert!(typo(
            "plugin:notes-sync|sync_nwo",
            "plugin:notes-sync|sync_now"
        ));
        assert!(!typo("sync_new", "sync_now"));
        assert!(!typo("sync_won", "sync_now"));
    }

    #[test]
    fn far_names_are_not_suggested() {
        assert_eq!(
            closest("typing", &["conversation:join"], &[]),
            Closest::None
        );
    }

    #[test]
    fn only_typos_and_renames_are_plausible() {
        assert!(plausible("message:new", "message:create"));
        assert!(plausible("room:jion", "room:join"));
        assert!(plausible("getUsers", "getUser"));
        assert!(!plausible("typing", "conversation:join"));
        assert!(!plausible("room:join", "user:leave"));
        assert!(!plausible("chat-message", "chat:message:new"));
        assert!(!plausible("login", "logout"));
        assert!(plausible("cloudflaredstart", "cloudflared_start"));
        assert!(!typo("cloudflared_start", "cloudflared_stop"));
        assert!(plausible("cloudflared_start", "cloudflared_stop"));
        assert_eq!(
            closest("cloudflared_start", &[], &["cloudflared_stop"]),
            Closest::None
        );
        assert_eq!(closest("logout", &["login"], &[]), Closest::None);
    }

    #[test]
    fn ties_offer_no_single_name() {
        assert_eq!(
            closest("room:jon", &["room:join", "room:joi"], &[]),
            Closest::Several(vec!["room:join", "room:joi"])
        );
    }
}
