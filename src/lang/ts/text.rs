//! A text-level look at JavaScript that swc does not parse: Babel's function-bind
//! operator, tried only after a parse failed (templates are `lang/template.rs`).

/// The text with each function-bind operator (`::this.onClick`, `obj::handler`) blanked
/// out at the same offsets: the prefix form becomes two spaces (`  this.onClick`), the
/// binary form `||` (`obj||handler`), one expression either way. Strings, templates
/// and comments are left as they are. `None` when there is none.
pub(super) fn mask_function_bind(text: &str) -> Option<String> {
    if !text.contains("::") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut masked = bytes.to_vec();
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            quote @ (b'"' | b'\'' | b'`') => i = skip_quoted(bytes, i + 1, quote),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |nl| i + nl);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&bytes[i + 2..], b"*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
            }
            b':' if bytes.get(i + 1) == Some(&b':') => {
                let replacement = match ends_operand(&bytes[..i]) {
                    true => b"||",
                    false => b"  ",
                };
                masked[i..i + 2].copy_from_slice(replacement);
                changed = true;
                i += 2;
            }
            _ => i += 1,
        }
    }
    // Only ASCII bytes outside strings and comments were replaced by ASCII.
    changed.then(|| String::from_utf8(masked).ok()).flatten()
}

/// The index after the closing `quote` of a string or template starting at `from`.
fn skip_quoted(bytes: &[u8], mut i: usize, quote: u8) -> usize {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if quote != b'`' => return i,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Whether the code before a `::` ends with an operand (a name, `this`, `)` or `]`),
/// making it the binary form; a keyword that takes an expression (`return ::x.y`) does not.
fn ends_operand(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    let Some(&last) = trimmed.last() else {
        return false;
    };
    if matches!(last, b')' | b']') {
        return true;
    }
    if !(last.is_ascii_alphanumeric() || last == b'_' || last == b'$') {
        return false;
    }
    let word_start = trimmed
        .iter()
        .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'$'))
        .map_or(0, |at| at + 1);
    !matches!(
        &trimmed[word_start..],
        b"return"
            | b"typeof"
            | b"void"
            | b"delete"
            | b"await"
            | b"yield"
            | b"case"
            | b"in"
            | b"of"
            | b"new"
            | b"else"
            | b"do"
            | b"throw"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_bind_is_masked_at_the_same_offsets() {
        let text = "<button onClick={::this.onClick} />; const f = obj::handler; return ::a.b;\nconst s = \"std::vec\"; // a::b\n";
        let masked = mask_function_bind(text).unwrap();
        assert_eq!(masked.len(), text.len());
        assert!(masked.contains("{  this.onClick}"));
        assert!(masked.contains("obj||handler"));
        assert!(masked.contains("return   a.b"));
        assert!(masked.contains("\"std::vec\""));
        assert!(masked.contains("// a::b"));
        assert_eq!(mask_function_bind("const a = 1;"), None);
        assert_eq!(mask_function_bind("const a = `x::y`;"), None);
    }
}
