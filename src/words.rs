//! Which words occur in a file, kept small: "is this function's name written anywhere
//! else in the project?" is asked of every file, including files whose text is not kept
//! after extraction (and files whose facts come from the cache and are never read).
//!
//! A Bloom filter over the file's words, about 1/32 of the file's size. It can answer
//! "yes" for a word that is not there (about 8% of the time) but never "no" for one that
//! is: a wrong "yes" keeps a finding at its full severity, which is the safe direction.

use serde::{Deserialize, Serialize};

/// A small file has few words but not proportionally fewer: 64 bytes keep its false
/// positives near 1%.
const MIN_BITS: usize = 512;
/// Bounds the filter of a huge file (4 KiB); a fuller filter only says "yes" more often.
const MAX_BITS: usize = 1 << 15;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordFilter {
    /// Empty for a file that was not analysed (a minified bundle, a binary or
    /// unreadable file): no word of the project's code is taken to occur there.
    bits: Vec<u64>,
}

impl WordFilter {
    /// The words of `text` (runs of letters, digits, `_` and `$`) outside one-line
    /// string literals opened by one of `quotes` (see [`mask_strings`]). One pass over
    /// the bytes; the filter is sized by the text's length (code has about one distinct
    /// word in 24 bytes: six bits each), so no set of distinct words is built.
    pub fn of_code(text: &str, quotes: &[u8]) -> WordFilter {
        let bits = (text.len() / 4)
            .next_power_of_two()
            .clamp(MIN_BITS, MAX_BITS);
        let mut filter = WordFilter {
            bits: vec![0; bits / 64],
        };
        let bytes = text.as_bytes();
        let mut word = WordHash::new();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if is_word_byte(b) {
                word.push(b);
                i += 1;
                continue;
            }
            if let Some(hash) = word.take() {
                filter.insert(hash);
            }
            i = if quotes.contains(&b) {
                string_end(bytes, i) + 1
            } else {
                i + 1
            };
        }
        if let Some(hash) = word.take() {
            filter.insert(hash);
        }
        filter
    }

    fn insert(&mut self, hash: u64) {
        for bit in self.probes(hash) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether `word` may occur in the file (certainly, when it does).
    pub fn may_contain(&self, word: &str) -> bool {
        if self.bits.is_empty() {
            return false;
        }
        let mut hash = WordHash::new();
        word.bytes().for_each(|b| hash.push(b));
        match hash.take() {
            Some(hash) => self.probes(hash),
            None => return true,
        }
        .into_iter()
        .all(|bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    fn probes(&self, hash: u64) -> [usize; 2] {
        let mask = self.bits.len() * 64 - 1;
        [hash as usize & mask, (hash >> 32) as usize & mask]
    }
}

/// FNV-1a over a word's bytes, mixed at the end so that both probes get good bits.
struct WordHash {
    state: u64,
    len: usize,
}

impl WordHash {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    fn new() -> WordHash {
        WordHash {
            state: Self::OFFSET,
            len: 0,
        }
    }

    fn push(&mut self, byte: u8) {
        self.state = (self.state ^ u64::from(byte)).wrapping_mul(Self::PRIME);
        self.len += 1;
    }

    /// The hash of the word pushed so far, if any, and a fresh start.
    fn take(&mut self) -> Option<u64> {
        let (state, len) = (self.state, self.len);
        *self = WordHash::new();
        (len > 0).then(|| {
            let mixed = (state ^ (state >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
            mixed ^ (mixed >> 33)
        })
    }
}

/// Where the string literal opened at `open` ends: its closing quote, the end of the
/// line, or the end of the text.
fn string_end(bytes: &[u8], open: usize) -> usize {
    let quote = bytes[open];
    let mut j = open + 1;
    while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
        j += if bytes[j] == b'\\' { 2 } else { 1 };
    }
    j.min(bytes.len())
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
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
        if !quotes.contains(&bytes[i]) {
            i += 1;
            continue;
        }
        let end = string_end(bytes, i);
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
        let filter = WordFilter::of_code("socket.emit('login', this.prepare2FA); // $ref _x", b"");
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
        assert!(!WordFilter::default().may_contain("anything"));
        let code = WordFilter::of_code("emit(\"login\", 'x\\'y', é) // it's", b"\"'");
        assert!(code.may_contain("emit") && code.may_contain("é"));
        assert!(!code.may_contain("login") || !code.may_contain("y"));
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
