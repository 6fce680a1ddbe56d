//! Building fix edits from source text: renames, inserted parameters and calls,
//! `try`/`catch` wrapping. Inserted code follows the file's indentation and quotes.

use super::Context;
use crate::diagnostic::Edit;
use crate::facts::{FnShape, Span};
use crate::graph::FileId;

impl Context<'_> {
    pub fn text(&self, file: FileId) -> Option<&str> {
        self.files[file].text.as_deref()
    }

    /// A string literal in the file's own quote style (`'` when single quotes dominate).
    pub fn string_literal(&self, file: FileId, value: &str) -> String {
        let text = self.text(file).unwrap_or("");
        let quote = if text.matches('\'').count() > text.matches('"').count() {
            '\''
        } else {
            '"'
        };
        format!("{quote}{value}{quote}")
    }

    /// Replaces a string literal with `name`, keeping its quote character.
    pub fn rename_literal(&self, file: FileId, literal: Span, name: &str) -> Option<Edit> {
        let text = self.text(file)?;
        let quote = text
            .get(literal.start as usize..)?
            .chars()
            .next()
            .filter(|c| matches!(c, '"' | '\'' | '`'))?;
        Some(Edit {
            file,
            span: literal,
            replacement: format!("{quote}{name}{quote}"),
        })
    }

    /// Inserts `text` before the last `.method` in the callee of a call (`.timeout(…)`
    /// before `.emit(`).
    pub fn insert_before_method(
        &self,
        file: FileId,
        call_head: Span,
        method: &str,
        insertion: &str,
    ) -> Option<Edit> {
        let text = self.text(file)?;
        let head = text.get(call_head.start as usize..call_head.end as usize)?;
        let at = head.rfind(&format!(".{method}("))?;
        if head[..at].ends_with('?') {
            return None;
        }
        let offset = call_head.start + at as u32;
        Some(Edit {
            file,
            span: Span::new(offset, offset),
            replacement: insertion.to_owned(),
        })
    }

    /// Adds a parameter after the existing ones.
    pub fn add_param(&self, file: FileId, shape: &FnShape, name: &str) -> Option<Edit> {
        let text = self.text(file)?;
        match shape.params {
            Some(params) if shape.parens => Some(Edit {
                file,
                span: Span::new(params.end, params.end),
                replacement: format!(", {name}"),
            }),
            Some(params) => {
                let param = text.get(params.start as usize..params.end as usize)?;
                Some(Edit {
                    file,
                    span: params,
                    replacement: format!("({param}, {name})"),
                })
            }
            None => {
                let open = shape.start + text.get(shape.start as usize..)?.find('(')? as u32 + 1;
                Some(Edit {
                    file,
                    span: Span::new(open, open),
                    replacement: name.to_owned(),
                })
            }
        }
    }

    /// Inserts a statement as the last one of a block body.
    pub fn append_statement(&self, file: FileId, body: Span, statement: &str) -> Option<Edit> {
        self.before_brace(file, body.start, body.end.checked_sub(1)?, statement)
    }

    /// Inserts a statement before the `}` at `close` that ends a block opened at `open`.
    pub fn before_brace(
        &self,
        file: FileId,
        open: u32,
        close: u32,
        statement: &str,
    ) -> Option<Edit> {
        let text = self.text(file)?;
        let body = Span::new(open, close + 1);
        if text.as_bytes().get(close as usize) != Some(&b'}') {
            return None;
        }
        let base = line_indent(text, close as usize);
        let inner = format!("{base}{}", indent_unit(text));
        let line_start = line_start(text, close as usize);
        if text[line_start..close as usize].trim().is_empty() && line_start > body.start as usize {
            // `}` on its own line: the statement goes on a new line above it.
            Some(Edit {
                file,
                span: Span::new(line_start as u32, line_start as u32),
                replacement: format!("{inner}{statement}{}", line_ending(text)),
            })
        } else {
            Some(Edit {
                file,
                span: Span::new(close, close),
                replacement: format!(" {statement} "),
            })
        }
    }

    /// Inserts a statement after the statement that ends at or after `offset`.
    pub fn statement_after(&self, file: FileId, offset: u32, statement: &str) -> Option<Edit> {
        let text = self.text(file)?;
        let end = statement_end(text, offset as usize)?;
        let indent = line_indent(text, offset as usize);
        Some(Edit {
            file,
            span: Span::new(end as u32, end as u32),
            replacement: format!("{}{indent}{statement}", line_ending(text)),
        })
    }

    /// Wraps a block body's statements in `try { ... } catch (err) { <handler> }`, one
    /// indentation level deeper. `None` for a body on one line.
    pub fn wrap_in_try(&self, file: FileId, body: Span, handler: &str) -> Option<Vec<Edit>> {
        let text = self.text(file)?;
        let (open, close) = (body.start as usize, body.end.checked_sub(1)? as usize);
        if text.as_bytes().get(open) != Some(&b'{') || text.as_bytes().get(close) != Some(&b'}') {
            return None;
        }
        let first_line_end = open + text[open..close].find('\n')?;
        let close_line = line_start(text, close);
        if !text[close_line..close].trim().is_empty() {
            return None;
        }
        let unit = indent_unit(text);
        let eol = line_ending(text);
        let base = line_indent(text, close);
        let inner = format!("{base}{unit}");
        // Before the `\r` of a CRLF line, so the `try {` line ends as the others do.
        let insert_at = if text[..first_line_end].ends_with('\r') {
            first_line_end - 1
        } else {
            first_line_end
        };
        let mut edits = vec![Edit {
            file,
            span: Span::new(insert_at as u32, insert_at as u32),
            replacement: format!("{eol}{inner}try {{"),
        }];
        // Every non-empty line of the body one level deeper.
        let mut line = first_line_end + 1;
        while line < close_line {
            let end = text[line..].find('\n').map_or(text.len(), |i| line + i);
            if !text[line..end].trim().is_empty() {
                edits.push(Edit {
                    file,
                    span: Span::new(line as u32, line as u32),
                    replacement: unit.to_owned(),
                });
            }
            line = end + 1;
        }
        edits.push(Edit {
            file,
            span: Span::new(close_line as u32, close_line as u32),
            replacement: format!(
                "{inner}}} catch (err) {{{eol}{inner}{unit}{handler}{eol}{inner}}}{eol}"
            ),
        });
        Some(edits)
    }

    /// How a handler answers failures, read from its own ack calls (`calls`), so that
    /// the completions it gets answer in the same shape: `(on_error, on_return)`, the
    /// answer for a caught `err` and for a bare `return`. `{ ok: false, msg: e.message }`
    /// gives `{ ok: false, msg: err.message }` and `{ ok: false }`; a Node-style
    /// `cb(null, data)` gives `cb(err)`. `None` when no call shows a failure shape.
    pub fn error_answer(&self, file: FileId, calls: &[Span], cb: &str) -> Option<(String, String)> {
        let text = self.text(file)?;
        let args_of = |call: &Span| {
            let code = text.get(call.start as usize..call.end as usize)?;
            let inner = code.strip_prefix(cb)?.trim_start().strip_prefix('(')?;
            Some(inner.strip_suffix(')')?.trim())
        };
        let args: Vec<&str> = calls.iter().filter_map(args_of).collect();
        for arg in &args {
            if let Some(answer) = failure_object(arg) {
                return Some((format!("{cb}({})", answer.0), format!("{cb}({})", answer.1)));
            }
        }
        if args
            .iter()
            .any(|arg| split_top_level(arg).first() == Some(&"null"))
        {
            return Some((format!("{cb}(err)"), format!("{cb}(new Error(\"failed\"))")));
        }
        None
    }

    /// `return;` → `return <call>;` (only a bare `return`, whose value nobody reads).
    pub fn return_with(&self, file: FileId, ret: Span, call: &str) -> Option<Edit> {
        let text = self.text(file)?;
        let code = text.get(ret.start as usize..ret.end as usize)?.trim_end();
        let code = code.strip_suffix(';').unwrap_or(code).trim_end();
        (code == "return").then(|| Edit {
            file,
            span: Span::new(ret.start, ret.start + "return".len() as u32),
            replacement: format!("return {call}"),
        })
    }

    /// The last `const x = await ...` statement in a block: the saved entity and where
    /// its statement starts.
    pub fn last_awaited_binding(&self, file: FileId, body: Span) -> Option<(String, u32)> {
        let text = self.text(file)?;
        let body_text = text.get(body.start as usize..body.end as usize)?;
        let mut found = None;
        let mut offset = 0;
        for line in body_text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let rest = trimmed
                .strip_prefix("const ")
                .or_else(|| trimmed.strip_prefix("let "));
            if let Some(rest) = rest
                && let Some((name, value)) = rest.split_once('=')
                && value.trim_start().starts_with("await ")
            {
                let name = name.trim().split(':').next().unwrap_or("").trim();
                if !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                {
                    let start = body.start + offset + (line.len() - trimmed.len()) as u32;
                    found = Some((name.to_owned(), start));
                }
            }
            offset += line.len() as u32;
        }
        found
    }
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// The file's line ending: `\r\n` when its first line ends so, else `\n`.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if text[..at].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// The whitespace that starts the line holding `offset`.
pub fn line_indent(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let line = &text[start..];
    let len = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..len]
}

/// The file's indentation step: a tab, or the smallest run of leading spaces (the
/// ` * ` lines of a block comment, one space in, do not count).
pub fn indent_unit(text: &str) -> &'static str {
    let mut smallest = usize::MAX;
    for line in text.lines().take(400) {
        if line.starts_with('\t') {
            return "\t";
        }
        let rest = line.trim_start_matches(' ');
        let spaces = line.len() - rest.len();
        if spaces > 0 && !rest.trim().is_empty() && !rest.starts_with('*') {
            smallest = smallest.min(spaces);
        }
    }
    match smallest {
        4 => "    ",
        8 => "        ",
        3 => "   ",
        _ => "  ",
    }
}

/// An object literal answer that reports a failure (a `false` flag, or an `error`
/// key), rebuilt for a caught `err` and for a bare `return`: flags and literals are
/// kept, message-like keys get the error's message, other values are dropped.
fn failure_object(arg: &str) -> Option<(String, String)> {
    let body = arg.strip_prefix('{')?.strip_suffix('}')?;
    let mut failure = false;
    let (mut with_err, mut without, mut messages) = (Vec::new(), Vec::new(), Vec::new());
    for entry in split_top_level(body) {
        let (key, value) = match entry.split_once(':') {
            Some((key, value)) => (key.trim(), value.trim()),
            None => (entry, entry),
        };
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        {
            continue;
        }
        let lower = key.to_ascii_lowercase();
        let message_like = ["msg", "message", "error", "err", "reason"]
            .iter()
            .any(|word| lower.contains(word));
        let literal = value == "false"
            || value == "true"
            || value.parse::<f64>().is_ok()
            || (value.len() >= 2 && (value.starts_with('"') || value.starts_with('\'')));
        failure |= value == "false" || lower == "error" || lower == "err";
        if message_like {
            let message = if value.ends_with(".message") {
                "err.message"
            } else {
                "String(err)"
            };
            with_err.push(format!("{key}: {message}"));
            // Another path's message ("Invalid token") would say why this one failed.
            messages.push(key);
        } else if literal {
            with_err.push(format!("{key}: {value}"));
            without.push(format!("{key}: {value}"));
        }
    }
    // Without a flag, a bare `return` still says that it failed, in the message key.
    if without.is_empty() {
        without.extend(messages.iter().map(|key| format!("{key}: \"failed\"")));
    }
    let object = |entries: &[String]| format!("{{ {} }}", entries.join(", "));
    (failure && !with_err.is_empty() && !without.is_empty())
        .then(|| (object(&with_err), object(&without)))
}

/// The comma-separated parts of `text` at bracket depth zero, trimmed.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut quote) = (0i32, 0, None);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'' | '`') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(text[start..].trim());
    parts.retain(|part| !part.is_empty());
    parts
}

/// The end of the statement that starts at `start`: the `;` or line break at bracket
/// depth zero.
fn statement_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut quote: Option<u8> = None;
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None => match b {
                b'"' | b'\'' | b'`' => quote = Some(b),
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => {
                    depth -= 1;
                    if depth < 0 {
                        return Some(i);
                    }
                }
                b';' if depth == 0 => return Some(i + 1),
                b'\r' | b'\n' if depth == 0 => return Some(i),
                _ => {}
            },
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation() {
        assert_eq!(indent_unit("a\n    b\n        c\n"), "    ");
        assert_eq!(indent_unit("a\n\tb\n"), "\t");
        assert_eq!(indent_unit("a\n  b\n"), "  ");
        assert_eq!(line_indent("x\n    y = 1\n", 8), "    ");
    }

    #[test]
    fn failures_are_answered_in_the_handler_s_shape() {
        assert_eq!(
            failure_object("{ ok: false, msg: e.message }"),
            Some((
                "{ ok: false, msg: err.message }".to_owned(),
                "{ ok: false }".to_owned()
            ))
        );
        assert_eq!(
            failure_object("{ success: false, error: \"not found\", user }"),
            Some((
                "{ success: false, error: String(err) }".to_owned(),
                "{ success: false }".to_owned()
            ))
        );
        assert_eq!(failure_object("{ ok: true, id }"), None);
        assert_eq!(
            failure_object("{ error: e.message }"),
            Some((
                "{ error: err.message }".to_owned(),
                "{ error: \"failed\" }".to_owned()
            ))
        );
        assert_eq!(
            split_top_level("a, f(b, c), \"d,e\""),
            ["a", "f(b, c)", "\"d,e\""]
        );
    }

    #[test]
    fn line_endings_and_indentation() {
        assert_eq!(line_ending("a\r\nb\r\n"), "\r\n");
        assert_eq!(line_ending("a\nb"), "\n");
        assert_eq!(indent_unit("/**\n * doc\n */\nf() {\n    x;\n}\n"), "    ");
        assert_eq!(statement_end("a = 1\r\nb", 0), Some(5));
    }

    #[test]
    fn statement_ends() {
        let text = "const a = await f({\n  x: \";\",\n});\nnext";
        assert_eq!(
            statement_end(text, 0),
            Some(text.find("});").map(|i| i + 3).unwrap_or(0))
        );
    }
}
