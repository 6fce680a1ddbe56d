//! Where a word occurs in code: "is this function's name written anywhere else in the
//! project?", asked only of the few functions a finding could be demoted in (see
//! `severity.rs`), so nothing here runs for every file of every run.

/// Whether `word` occurs in `text` as a whole word (a run of letters, digits, `_`, `$`
/// and non-ASCII bytes) outside the one-line string literals opened by one of `quotes`
/// (see [`mask_strings`]). Comments count, which errs towards "referenced".
pub fn occurs_in_code(text: &str, quotes: &[u8], word: &str) -> bool {
    finder_occurs_in_code(text, quotes, &memchr::memmem::Finder::new(word))
}

/// [`occurs_in_code`] with the word's finder made once for many texts.
pub fn finder_occurs_in_code(text: &str, quotes: &[u8], word: &memchr::memmem::Finder) -> bool {
    word.needle().is_empty() || in_code(text, quotes, word).next().is_some()
}

/// How many times `word` occurs in `text` as a whole word outside string literals:
/// [`count`] of the text [`mask_strings`] makes, without making it.
pub fn count_in_code(text: &str, quotes: &[u8], word: &str) -> u32 {
    // Masking keeps the non-ASCII bytes of a literal: a word made of some may still be
    // found there.
    if !word.is_ascii() {
        return count(&mask_strings(text, quotes), word);
    }
    match word.is_empty() {
        true => 0,
        false => in_code(text, quotes, &memchr::memmem::Finder::new(word)).count() as u32,
    }
}

/// Where `word` (not empty) occurs as a whole word outside string literals.
fn in_code<'t>(
    text: &'t str,
    quotes: &'t [u8],
    word: &'t memchr::memmem::Finder,
) -> impl Iterator<Item = usize> + 't {
    let bytes = text.as_bytes();
    let len = word.needle().len();
    let mut strings = Strings {
        bytes,
        quotes,
        region: None,
    };
    word.find_iter(bytes).filter(move |&at| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + len).copied();
        !before.is_some_and(is_word_byte) && !after.is_some_and(is_word_byte) && !strings.covers(at)
    })
}

/// The string literals of a text, walked forwards as [`mask_strings`] finds them.
struct Strings<'b> {
    bytes: &'b [u8],
    quotes: &'b [u8],
    /// The last literal found: its opening quote and where it ends.
    region: Option<(usize, usize)>,
}

impl Strings<'_> {
    /// Whether the byte at `at` is inside a literal; `at` never decreases between calls.
    fn covers(&mut self, at: usize) -> bool {
        loop {
            if let Some((open, end)) = self.region
                && end >= at
            {
                return open <= at;
            }
            let from = self.region.map_or(0, |(_, end)| end + 1);
            let rest = self.bytes.get(from..).unwrap_or_default();
            let found = match self.quotes {
                [quote] => memchr::memchr(*quote, rest),
                [first, second] => memchr::memchr2(*first, *second, rest),
                quotes => rest.iter().position(|b| quotes.contains(b)),
            };
            let Some(open) = found.map(|offset| from + offset) else {
                // No literal at or after `from`: none covers anything later either.
                self.region = Some((usize::MAX, usize::MAX));
                return false;
            };
            self.region = Some((open, string_end(self.bytes, open)));
        }
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
    fn words_are_found_in_code_only() {
        let text = "socket.emit('login', this.prepare2FA); // $ref _x it's login2";
        for word in ["socket", "emit", "this", "prepare2FA", "$ref", "_x"] {
            assert!(occurs_in_code(text, b"", word), "{word}");
            assert!(occurs_in_code(text, b"\"'", word), "{word}");
        }
        // Inside a literal, or the rest of a line after an apostrophe.
        for word in ["login", "login2", "s"] {
            assert!(!occurs_in_code(text, b"\"'", word), "{word}");
        }
        assert!(occurs_in_code(text, b"", "login") && occurs_in_code(text, b"", "login2"));
        for word in ["emi", "prepare", "ref", "x", "absent"] {
            assert!(!occurs_in_code(text, b"", word), "{word}");
        }
        let escaped = "emit(\"login\", 'x\\'y', é) // login\nlogin('\\n')";
        assert!(occurs_in_code(escaped, b"\"'", "é"));
        assert!(occurs_in_code(escaped, b"\"'", "login"));
        assert!(!occurs_in_code(escaped, b"\"'", "y"));
        assert!(!occurs_in_code("f('a\\\nlogin')", b"'", "login"));
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
    fn words_in_code_are_counted_as_in_masked_text() {
        let texts = [
            "login(); socket.emit('login', login); // it's login",
            "f(\"a\\\"login\", login) + 'login\\\nlogin' login",
            "login'login'login\"login",
            "é(); 'é' \"xé\" é",
        ];
        for text in texts {
            for quotes in [b"".as_slice(), b"\"", b"\"'"] {
                for word in ["login", "é", "x", "in", ""] {
                    assert_eq!(
                        count_in_code(text, quotes, word),
                        count(&mask_strings(text, quotes), word),
                        "{text} {quotes:?} {word}"
                    );
                }
            }
        }
    }

    #[test]
    fn whole_words_are_counted() {
        assert_eq!(count("login(); loginByToken(); this.login", "login"), 2);
        assert_eq!(count("", "login"), 0);
    }
}
