//! Which words occur in a file, kept small: "is this function's name written anywhere
//! else in the project?" is asked of every file, including files whose text is not kept
//! after extraction (and files whose facts come from the cache and are never read).
//!
//! A Bloom filter over the file's words. It can answer "yes" for a word that is not
//! there (about 3% of the time) but never "no" for one that is: a wrong "yes" keeps a
//! finding at its full severity, which is the safe direction.

use serde::{Deserialize, Serialize};

/// Bits per distinct word: with two probes, about 3% false positives.
const BITS_PER_WORD: usize = 10;
/// Bounds the filter of a huge file (8 KiB); a fuller filter only says "yes" more often.
const MAX_BITS: usize = 1 << 16;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFilter {
    /// Empty when nothing was recorded: then every word may occur.
    bits: Vec<u64>,
}

impl WordFilter {
    /// The words of `text`: runs of letters, digits, `_` and `$`.
    pub fn of(text: &str) -> WordFilter {
        let mut hashes: Vec<u64> = words(text).map(hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        let bits = (hashes.len() * BITS_PER_WORD)
            .next_power_of_two()
            .clamp(64, MAX_BITS);
        let mut filter = WordFilter {
            bits: vec![0; bits / 64],
        };
        for hash in hashes {
            for bit in filter.probes(hash) {
                filter.bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        filter
    }

    /// Whether `word` may occur in the file (certainly, when it does).
    pub fn may_contain(&self, word: &str) -> bool {
        if self.bits.is_empty() {
            return true;
        }
        self.probes(hash(word))
            .into_iter()
            .all(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    fn probes(&self, hash: u64) -> [usize; 2] {
        let mask = self.bits.len() * 64 - 1;
        [hash as usize & mask, (hash >> 32) as usize & mask]
    }
}

fn hash(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// The words of a text, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_ascii() && !is_word_byte(c as u8))
        .filter(|word| !word.is_empty())
}

/// How many times `word` occurs in `text` as a whole word.
pub fn count(text: &str, word: &str) -> u32 {
    if word.is_empty() {
        return 0;
    }
    let bytes = text.as_bytes();
    let mut found = 0;
    for (at, _) in text.match_indices(word) {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        let after = bytes.get(at + word.len());
        if !before.is_some_and(|b| is_word_byte(*b)) && !after.is_some_and(|b| is_word_byte(*b)) {
            found += 1;
        }
    }
    found
}

/// `text` with the contents of one-line string literals opened by one of `quotes`
/// blanked (offsets kept). A quote that is not closed on its line (a Rust lifetime, an
/// apostrophe in a comment) blanks the rest of that line at most.
pub fn mask_strings<'t>(text: &'t str, quotes: &[u8]) -> std::borrow::Cow<'t, str> {
    let bytes = text.as_bytes();
    if !bytes.iter().any(|b| quotes.contains(b)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut masked = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        let quote = bytes[i];
        if !quotes.contains(&quote) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
            j += if bytes[j] == b'\\' { 2 } else { 1 };
        }
        let end = j.min(bytes.len());
        for byte in &mut masked[i + 1..end] {
            // Only ASCII is blanked, so the text stays UTF-8 (a word with non-ASCII
            // letters inside a string may still count: the safe direction).
            if byte.is_ascii() {
                *byte = b' ';
            }
        }
        i = end + 1;
    }
    match String::from_utf8(masked) {
        Ok(masked) => std::borrow::Cow::Owned(masked),
        Err(_) => std::borrow::Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_and_absent_ones_mostly_not() {
        let filter = WordFilter::of("socket.emit('login', this.prepare2FA); // $ref _x");
        for word in [
            "socket",
            "emit",
            "login",
            "this",
            "prepare2FA",
            "$ref",
            "_x",
        ] {
            assert!(filter.may_contain(word), "{word}");
        }
        let absent = (0..1000)
            .filter(|i| filter.may_contain(&format!("absent{i}")))
            .count();
        assert!(absent < 50, "{absent} false positives in 1000");
        assert!(WordFilter::default().may_contain("anything"));
    }

    #[test]
    fn strings_are_masked_in_place() {
        let text = "socket.emit(\"login\", 'x\\'y', login); // it's";
        let masked = mask_strings(text, b"\"'");
        assert_eq!(masked.len(), text.len());
        assert_eq!(count(&masked, "login"), 1);
        assert!(masked.starts_with("socket.emit(\"     \""));
    }

    #[test]
    fn whole_words_are_counted() {
        assert_eq!(count("login(); loginByToken(); this.login", "login"), 2);
        assert_eq!(count("", "login"), 0);
    }
}
