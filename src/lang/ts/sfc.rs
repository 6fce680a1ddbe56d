//! Script blocks of single-file components (`.vue`, `.svelte`) and HTML pages.
//!
//! Instead of extracting scripts we blank out everything else, so the parser
//! sees one source whose byte offsets and line numbers equal the original's.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScriptLang {
    Js,
    Ts,
    Tsx,
    Jsx,
}

/// Returns the file's text with everything outside `<script ...>...</script>` blocks replaced by spaces
/// (keeping every `\n` and `\r`, and keeping the byte length identical, so byte offsets and line numbers
/// in the result map 1:1 onto the original file), and the script language (`lang="ts"`/`lang='ts'`/`lang=ts`
/// → Ts, "tsx" → Tsx, "jsx" → Jsx, else Js; if any block is ts, the whole is Ts). None when there is no script block.
pub fn mask_to_scripts(source: &str) -> Option<(String, ScriptLang)> {
    let bytes = source.as_bytes();
    let mut kept = Vec::new();
    let mut langs = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i.min(bytes.len())..]) {
        i += offset;
        if bytes[i..].starts_with(b"<!--") {
            // A `<script>` or `</script>` inside an HTML comment is not a tag.
            i = find(bytes, i + 4, b"-->").map_or(bytes.len(), |end| end + 3);
        } else if let Some(after_name) = tag_name_end(bytes, i + 1, b"script") {
            let tag = parse_open_tag(bytes, after_name);
            let body_start = tag.end;
            let (body_end, next) = if tag.self_closing {
                (body_start, body_start)
            } else {
                close_tag(bytes, body_start)
            };
            if !tag.self_closing && tag.is_inline_js() {
                kept.push(body_start..body_end);
                langs.push(tag.lang());
            }
            i = next;
        } else {
            i += 1;
        }
    }
    if langs.is_empty() {
        return None;
    }
    let mut masked: Vec<u8> = bytes
        .iter()
        .map(|&b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    for range in kept {
        masked[range.clone()].copy_from_slice(&bytes[range]);
    }
    // Kept ranges start after `>` and end before `<`, so they are whole UTF-8
    // sequences and this cannot fail; still, no panics on any input.
    let masked = String::from_utf8(masked).ok()?;
    let lang = [ScriptLang::Ts, ScriptLang::Tsx, ScriptLang::Jsx]
        .into_iter()
        .find(|l| langs.contains(l))
        .unwrap_or(ScriptLang::Js);
    Some((masked, lang))
}

/// Whether an HTML page may use Socket.IO: it names it (a `<script src=".../socket.io.js">`,
/// an import of `socket.io-client`) or calls a global `io(...)`. Other pages are not
/// parsed: their scripts add no sites, and a syntax error in them is not wirelint's
/// to report.
pub fn may_use_socketio(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find(bytes, b"socket.io").is_some()
        || memchr::memmem::find_iter(bytes, b"io(").any(|at| {
            at == 0 || {
                let before = bytes[at - 1];
                !(before.is_ascii_alphanumeric() || before == b'_' || before == b'$')
            }
        })
}

struct OpenTag {
    /// Byte index just past the tag's `>` (or the end of input).
    end: usize,
    self_closing: bool,
    lang: Option<String>,
    script_type: Option<String>,
    has_src: bool,
}

impl OpenTag {
    fn is_inline_js(&self) -> bool {
        if self.has_src {
            return false;
        }
        // Templates (`text/x-template`), JSON and other data blocks are not code.
        match self.script_type.as_deref() {
            None | Some("" | "module" | "text/babel") => true,
            Some(t) => {
                t.contains("javascript") || t.contains("ecmascript") || t.contains("typescript")
            }
        }
    }

    fn lang(&self) -> ScriptLang {
        match self.lang.as_deref() {
            Some("ts" | "typescript") => ScriptLang::Ts,
            Some("tsx") => ScriptLang::Tsx,
            Some("jsx") => ScriptLang::Jsx,
            _ => ScriptLang::Js,
        }
    }
}

/// If `bytes[at..]` starts with `name` (ASCII case-insensitive) followed by a
/// tag-name boundary, returns the index after the name. The boundary check
/// keeps `<scripts>` or `<script-foo>` from counting.
fn tag_name_end(bytes: &[u8], at: usize, name: &[u8]) -> Option<usize> {
    let end = at.checked_add(name.len())?;
    let candidate = bytes.get(at..end)?;
    if !candidate.eq_ignore_ascii_case(name) {
        return None;
    }
    match bytes.get(end) {
        None | Some(b'>' | b'/') => Some(end),
        Some(b) if b.is_ascii_whitespace() => Some(end),
        _ => None,
    }
}

fn parse_open_tag(bytes: &[u8], mut i: usize) -> OpenTag {
    let mut tag = OpenTag {
        end: bytes.len(),
        self_closing: false,
        lang: None,
        script_type: None,
        has_src: false,
    };
    while i < bytes.len() {
        match bytes[i] {
            b'>' => {
                tag.end = i + 1;
                return tag;
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                tag.end = i + 2;
                tag.self_closing = true;
                return tag;
            }
            b if b.is_ascii_whitespace() || b == b'/' => i += 1,
            _ => {
                let name_start = i;
                while i < bytes.len()
                    && !matches!(bytes[i], b'=' | b'>' | b'/')
                    && !bytes[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                let name = String::from_utf8_lossy(&bytes[name_start..i]).to_ascii_lowercase();
                i = skip_whitespace(bytes, i);
                let mut value = String::new();
                if bytes.get(i) == Some(&b'=') {
                    i = skip_whitespace(bytes, i + 1);
                    let value_start;
                    let value_end;
                    match bytes.get(i) {
                        Some(&quote @ (b'"' | b'\'')) => {
                            value_start = i + 1;
                            value_end = find(bytes, value_start, &[quote]).unwrap_or(bytes.len());
                            i = (value_end + 1).min(bytes.len());
                        }
                        _ => {
                            value_start = i;
                            while i < bytes.len()
                                && bytes[i] != b'>'
                                && !bytes[i].is_ascii_whitespace()
                            {
                                i += 1;
                            }
                            value_end = i;
                        }
                    }
                    value = String::from_utf8_lossy(&bytes[value_start..value_end])
                        .trim()
                        .to_ascii_lowercase();
                }
                match name.as_str() {
                    "lang" => tag.lang = Some(value),
                    "type" => tag.script_type = Some(value),
                    "src" => tag.has_src = true,
                    _ => {}
                }
            }
        }
    }
    tag
}

/// Finds the `</script>` closing a body starting at `from`; returns the body's
/// end and the index after the closing tag. As in HTML, the first `</script`
/// ends the block even inside a JS string. An unclosed block runs to the end.
fn close_tag(bytes: &[u8], from: usize) -> (usize, usize) {
    let mut i = from;
    while let Some(lt) = find(bytes, i, b"</") {
        if let Some(after) = tag_name_end(bytes, lt + 2, b"script") {
            let next = find(bytes, after, b">").map_or(bytes.len(), |gt| gt + 1);
            return (lt, next);
        }
        i = lt + 2;
    }
    (bytes.len(), bytes.len())
}

/// Where `needle` next occurs at or after `from`: a vectorised search, since a script's
/// whole body is searched for its closing tag.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| p + from)
}

fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(source: &str) -> (String, ScriptLang) {
        let (masked, lang) = mask_to_scripts(source).unwrap();
        assert_eq!(masked.len(), source.len());
        for (a, b) in masked.bytes().zip(source.bytes()) {
            assert!(a == b || a == b' ', "only spaces may differ");
            if b == b'\n' || b == b'\r' {
                assert_eq!(a, b);
            }
        }
        (masked, lang)
    }

    #[test]
    fn vue_two_blocks_any_attribute_order() {
        let src = "<template>\r\n  <p>script é {{ x }}</p>\r\n</template>\r\n\
                   <script setup lang=\"ts\">\r\nconst a: number = 1\r\n</script>\r\n\
                   <script>\nexport default {}\n</script>\n";
        let (masked, lang) = check(src);
        assert_eq!(lang, ScriptLang::Ts);
        assert!(masked.contains("\r\nconst a: number = 1\r\n"));
        assert!(masked.contains("\nexport default {}\n"));
        assert!(
            !masked.contains("template") && !masked.contains("script") && !masked.contains('é')
        );
        let offset = src.find("const a").unwrap();
        assert_eq!(&masked[offset..offset + 7], "const a");
        assert_eq!(masked.lines().count(), src.lines().count());
    }

    #[test]
    fn svelte_module_context_and_quoting() {
        let src = "<script context=\"module\" lang='ts'>export const x = 1;</script>\n\
                   <SCRIPT lang=tsx>let y = <b/>;</SCRIPT >\n<h1>{x}</h1>";
        let (masked, lang) = check(src);
        assert_eq!(lang, ScriptLang::Ts);
        assert!(masked.contains("export const x = 1;"));
        assert!(masked.contains("let y = <b/>;"));
        assert!(!masked.contains("h1"));
    }

    #[test]
    fn languages() {
        assert_eq!(check("<script>1</script>").1, ScriptLang::Js);
        assert_eq!(check("<script lang=\"jsx\">1</script>").1, ScriptLang::Jsx);
        assert_eq!(check("<script lang=\"tsx\">1</script>").1, ScriptLang::Tsx);
        assert_eq!(check("<script lang=\"TS\">1</script>").1, ScriptLang::Ts);
        assert_eq!(
            check("<script lang=\"coffee\">1</script>").1,
            ScriptLang::Js
        );
        assert_eq!(
            check("<script lang=\"jsx\">1</script><script lang=ts>2</script>").1,
            ScriptLang::Ts
        );
    }

    #[test]
    fn comments_and_text_mentioning_script() {
        let src = "<!-- old: <script>bad()</script> --><p>the script tag: &lt;script&gt;, <scripts/></p>\
                   <script>good()</script>";
        let (masked, _) = check(src);
        assert_eq!(masked.trim(), "good()");
    }

    #[test]
    fn comment_with_closing_tag_outside_scripts() {
        let src = "<template><!-- </script> --></template><script>ok()</script>";
        let (masked, _) = check(src);
        assert_eq!(masked.trim(), "ok()");
    }

    #[test]
    fn skips_external_template_and_json_scripts() {
        let src = "<script src=\"./a.js\"></script>\
                   <script type=\"text/x-template\" id=\"t\"><div/></script>\
                   <script type=\"application/json\">{}</script>\
                   <script type=\"importmap\">{}</script>\
                   <script src='./b.js' />\
                   <script type=\"module\">real()</script>";
        let (masked, lang) = check(src);
        assert_eq!(masked.trim(), "real()");
        assert_eq!(lang, ScriptLang::Js);
    }

    #[test]
    fn attribute_value_with_gt() {
        let (masked, _) = check("<script data-x=\"a>b\" lang=\"ts\">go()</script>");
        assert_eq!(masked.trim(), "go()");
    }

    #[test]
    fn pages_that_may_use_socketio() {
        assert!(may_use_socketio(
            "<script src=\"/socket.io/socket.io.js\"></script><script>const s = io();</script>"
        ));
        assert!(may_use_socketio(
            "<script>var socket = io('/chat');</script>"
        ));
        assert!(may_use_socketio("<script>const s=io()</script>"));
        assert!(!may_use_socketio(
            "<script>play(ratio(1)); audio();</script>"
        ));
        assert!(!may_use_socketio("<p>hello</p>"));
    }

    #[test]
    fn no_script_block() {
        assert_eq!(mask_to_scripts("<template><p>script</p></template>"), None);
        assert_eq!(mask_to_scripts(""), None);
        assert_eq!(mask_to_scripts("<script src=\"x.js\"></script>"), None);
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for src in [
            "<",
            "<script",
            "<script lang=\"ts",
            "<script>unclosed",
            "<script>x</script",
            "<!--",
            "<script lang=>",
            "<script lang='ts'/",
            "é<script>ü</script>ö",
            "<scrip",
        ] {
            if let Some((masked, _)) = mask_to_scripts(src) {
                assert_eq!(masked.len(), src.len(), "{src}");
            }
        }
        let (masked, _) = check("<script>unclosed é");
        assert_eq!(masked, "        unclosed é");
    }
}
