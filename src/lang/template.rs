//! Templates saved with a script's extension: an EJS page as `.js`, a scaffolding
//! generator's `{{ plugin_name }}` Rust as `.rs`. Such a file does not parse, and is not
//! broken code either; both front-ends ask this after a parse failed.

use crate::facts::{ParseError, Span};

/// The parse error a template gets in place of the parser's: where its placeholder is.
/// `language`: what the file would be once rendered.
pub(super) fn template_error(placeholder: Span, language: &str) -> ParseError {
    ParseError {
        span: placeholder,
        message: format!(
            "this file is a template (`<% %>`, `{{{{ }}}}` or `{{% %}}` placeholders), not {language}; it was skipped"
        ),
    }
}

/// Where the template placeholder is when a parse error is that of a template (EJS
/// `<% %>`, Handlebars, Mustache or Liquid `{{ }}`, Liquid/Tera `{% %}`) saved with a
/// script's extension: the line of the error, or the one before, holds one. A broken
/// file that merely mentions `{{` elsewhere is not a template.
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

/// The byte range of an EJS/ERB/Underscore tag (`<%`, `<%=`, `<%-` closed by `%>`), a
/// Liquid/Tera/Jinja one (`{% if x %}`, as `cargo generate` templates use) or a
/// Handlebars/Mustache/Liquid one (`{{name}}`, `{{#each xs}}`, `{{{raw}}}`, `{{> partial}}`)
/// in one line. A JSX object in braces (`style={{ color: "red" }}`) is not one: it has
/// a `:`; nor is a Rust block in a block (`{{ run(); }}`).
fn placeholder(line: &str) -> Option<(usize, usize)> {
    for (open_tag, close_tag) in [("<%", "%>"), ("{%", "%}")] {
        if let Some(open) = line.find(open_tag)
            && let Some(close) = line[open + 2..].find(close_tag)
        {
            return Some((open, open + 2 + close + 2));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
            "{% if license_header %}",
            "pub trait {{ plugin_name_pascal_case }}Ext<R: Runtime> {",
        ] {
            assert!(placeholder(line).is_some(), "{line}");
        }
        for line in [
            "<div style={{ color: \"red\" }} />",
            "if (a) {{ run(); }}",
            "let x = { {a} };",
            "println!(\"{{}}\", x);",
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
