//! "Did you mean ...?" for names typed by hand: configuration keys, rule ids in
//! `wirelint.toml`, on the command line and in suppression comments.

/// The candidate closest to `typed`, when it is close enough to be a slip of the keys
/// (Jaro-Winkler similarity of at least 0.8, as clap suggests subcommands).
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(typed, candidate), candidate))
        .filter(|(score, _)| *score >= 0.8)
        // Highest score; on a tie, the first in the candidates' order.
        .fold(
            None,
            |best: Option<(f64, &str)>, (score, candidate)| match best {
                Some((top, _)) if top >= score => best,
                _ => Some((score, candidate)),
            },
        )
        .map(|(_, candidate)| candidate)
}

/// `"; did you mean `x`?"`, or nothing.
pub fn did_you_mean<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    match closest(typed, candidates) {
        Some(candidate) => format!("; did you mean `{candidate}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_only() {
        let ids = ["ack-missing", "ack-unexpected", "unmatched-emit"];
        assert_eq!(closest("ack-mising", ids), Some("ack-missing"));
        assert_eq!(closest("unmatched-emits", ids), Some("unmatched-emit"));
        assert_eq!(closest("zebra", ids), None);
        assert_eq!(did_you_mean("zebra", ids), "");
    }
}
