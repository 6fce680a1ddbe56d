//! Text-level looks at JavaScript that swc does not parse: template files and Babel's
//! function-bind operator. Both are tried only after a parse failed.

use crate::facts::{ParseError, Span};

/// Where the template placeholder is when a parse error is that of a template (EJS
/// `<% %>`, Handlebars or Mustache `{{ }}`) saved as `.js`: the line of the error, or
/// the one before, holds one. A broken JavaScript file that merely mentions `{{`
/// elsewhere is not a template.
pub(super) fn template_placeholder(text: &str, error: &ParseError) -> Option<Span> {
    let mut at = (error.span.start as usize).min(text.len());
    // Spans start on characters; still, no panic on any input.
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let line_start = |end: usize| text[..end].rfind('\n').map_or(0, |nl| nl + 1);
    let start = line_start(at);
    let from = match start {
        0 => 0,
        start => line_start(start - 1),
    };
    let end = text[at..].find('\n').map_or(text.len(), |nl| at + nl);
    let mut line_at = from;
    for line in text.get(from..end)?.split_inclusive('\n') {
        if let Some((open, close)) = placeholder(line) {
            return Some(Span::new((line_at + open) as u32, (line_at + close) as u32));
        }
        line_at += line.len();
    }
    None
}

/// The byte range of an EJS/ERB/Underscore tag (`<%`, `<%=`, `<%-` closed by `%>`) or a
/// Handlebars/Mustache one (`{{name}}`, `{{#each xs}}`, `{{{raw}}}`, `{{> partial}}`) in
/// one line. A JSX object in braces (`style={{ color: "red" }}`) is not one: it has a `:`.
fn placeholder(line: &str) -> Option<(usize, usize)> {
    if let Some(open) = line.find("<%")
        && let Some(close) = line[open + 2..].find("%>")
    {
        return Some((open, open + 2 + close + 2));
    }
    let mut searched = 0;
    while let Some(open) = line[searched..].find("{{").map(|at| searched + at) {
        let after = &line[open + 2..];
        let close = after.find("}}")?;
        let inner = after[..close].trim_start_matches('{').trim();
        let tag = inner
            .trim_start_matches(['#', '/', '>', '!', '^', '&', '~'])
            .trim_start();
        let names_something = tag
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '@' || c == '-');
        if (names_something && !inner.contains([':', ';', '(', '='])) || inner.starts_with('!') {
            let end = open + 2 + close + 2;
            // `{{{raw}}}` closes with one brace more.
            let end = end + usize::from(line[end..].starts_with('}'));
            return Some((open, end));
        }
        searched = open + 2 + close + 2;
    }
    None
}

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

    #[test]
    fn template_placeholders() {
        for line in [
            "var user = <%- JSON.stringify(user) %>;",
            "<%= name %>",
            "{{#each items}}",
            "const x = {{{json config}}};",
            "{{> header}}",
            "{{!-- note --}}",
            "url: {{baseUrl}}",
        ] {
            assert!(placeholder(line).is_some(), "{line}");
        }
        for line in [
            "<div style={{ color: \"red\" }} />",
            "if (a) {{ run(); }}",
            "a < b % c",
            "",
        ] {
            assert!(placeholder(line).is_none(), "{line}");
        }
    }

    #[test]
    fn the_placeholder_is_the_whole_tag() {
        let line = "showBanner({{{json announcement}}});";
        let (open, close) = placeholder(line).unwrap();
        assert_eq!(&line[open..close], "{{{json announcement}}}");
        let line = "  user: <%- JSON.stringify(user) %>,";
        let (open, close) = placeholder(line).unwrap();
        assert_eq!(&line[open..close], "<%- JSON.stringify(user) %>");
    }

    #[test]
    fn a_template_error_is_on_a_placeholder_line() {
        let text = "const a = 1;\nconst name = <%= name %>;\nconst b = 2;\n";
        let at = text.find("<%").unwrap() as u32;
        let error = |start| ParseError {
            span: Span::new(start, start + 1),
            message: String::new(),
        };
        let placeholder = Span::new(at, at + "<%= name %>".len() as u32);
        assert_eq!(
            template_placeholder(text, &error(at + 4)),
            Some(placeholder)
        );
        // On the line after the placeholder.
        assert_eq!(
            template_placeholder(text, &error(at + 14)),
            Some(placeholder)
        );
        assert_eq!(template_placeholder(text, &error(0)), None);
        let text = "é <%= x %>";
        assert!(template_placeholder(text, &error(1)).is_some());
    }
}
