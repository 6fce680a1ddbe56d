//! The layers listed in `src/lib.rs`'s doc hold: no module of the library uses a module
//! of its own layer or of a later one.
//!
//! A text scan, not a compiler pass, and its limits are these:
//! - it reads `crate::x` paths (also each path of a `crate::{x, y::z}` group) in every
//!   file of the library, which excludes the binary (`main.rs`, `cli/`); in `lib.rs` it
//!   also reads `x::` for each module `x` the root declares, as the root names them;
//! - comments, string and char literals are blanked first, so documentation and Rust
//!   source quoted in tests do not count;
//! - `super::` paths are not followed: the crate writes them only inside a module, where
//!   they name that module or one of its own submodules;
//! - a path through a re-export counts as a use of the re-exporting module, and paths
//!   built by macros are not seen.

use std::collections::BTreeSet;
use std::path::Path;

/// The crate root's own items that a lower layer still uses, with the reason. The test
/// fails when one is no longer used, so that the list only shrinks.
const ROOT_ITEMS_USED_BELOW: &[(&str, &str, &str)] = &[];

/// The root module, as the layer list names it.
const ROOT: &str = "crate";

/// One path naming another top-level module (or an item of the root).
#[derive(Debug, PartialEq, Eq)]
struct Use {
    line: usize,
    /// The top-level module named, or [`ROOT`] for an item of `lib.rs`.
    module: String,
    /// The name after `crate::`: the module itself, or the root's item.
    item: String,
}

#[test]
fn no_module_uses_its_own_layer_or_a_later_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs");
    let modules = declared_modules(&lib);
    let layers = layers(&lib);
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|layer| layer.iter().any(|m| m == module))
    };

    // Every module has one layer, and the list names no module that does not exist.
    let mut listed: Vec<&str> = layers.iter().flatten().map(String::as_str).collect();
    listed.sort_unstable();
    let mut expected: Vec<&str> = modules.iter().map(String::as_str).collect();
    expected.push(ROOT);
    expected.sort_unstable();
    assert_eq!(
        listed, expected,
        "the layers in src/lib.rs must name every module once"
    );

    let mut violations = Vec::new();
    let mut exceptions_used = BTreeSet::new();
    for (file, text) in library_files(&src) {
        let module = module_of(&file);
        let Some(own) = layer_of(&module) else {
            violations.push(format!("src/{file}: module `{module}` has no layer"));
            continue;
        };
        for used in uses(&text, &modules, module == ROOT) {
            if used.module == module {
                continue;
            }
            let exception = ROOT_ITEMS_USED_BELOW
                .iter()
                .position(|(from, item, _)| *from == module && *item == used.item);
            if used.module == ROOT
                && let Some(exception) = exception
            {
                exceptions_used.insert(exception);
                continue;
            }
            let theirs = layer_of(&used.module).unwrap_or(usize::MAX);
            if theirs >= own {
                violations.push(format!(
                    "src/{file}:{}: `{module}` (layer {}) uses `crate::{}` of `{}` (layer {}): \
                     a module may use only the layers before its own",
                    used.line,
                    own + 1,
                    used.item,
                    used.module,
                    theirs.saturating_add(1),
                ));
            }
        }
    }
    assert!(violations.is_empty(), "{}", violations.join("\n"));
    for (index, (from, item, _)) in ROOT_ITEMS_USED_BELOW.iter().enumerate() {
        assert!(
            exceptions_used.contains(&index),
            "`{from}` no longer uses `crate::{item}`: remove it from ROOT_ITEMS_USED_BELOW"
        );
    }
}

/// The modules `lib.rs` declares.
fn declared_modules(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|line| {
            let line = line.trim();
            let line = line.strip_prefix("pub ").unwrap_or(line);
            let name = line.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_owned())
        })
        .collect()
}

/// The numbered list under `## Layers` in the crate doc: on each item, the backquoted
/// names before the first `: `.
fn layers(lib: &str) -> Vec<Vec<String>> {
    let doc = lib.lines().map_while(|line| line.strip_prefix("//!"));
    let section = doc
        .skip_while(|line| line.trim() != "## Layers")
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with("## "));
    let mut layers = Vec::new();
    for line in section {
        let Some((number, rest)) = line.trim().split_once(". ") else {
            continue;
        };
        let Ok(number) = number.parse::<usize>() else {
            continue;
        };
        assert_eq!(number, layers.len() + 1, "layers are numbered in order");
        let names = rest.split(": ").next().unwrap_or_default();
        let names: Vec<String> = names
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect();
        assert!(!names.is_empty(), "layer {number} names no module");
        layers.push(names);
    }
    assert!(
        !layers.is_empty(),
        "src/lib.rs lists its layers under `## Layers`"
    );
    layers
}

/// Every `.rs` file of the library, relative to `src/`, with its text, sorted.
fn library_files(src: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable src/") {
            let path = entry.expect("directory entry").path();
            let relative = path
                .strip_prefix(src)
                .expect("under src/")
                .to_string_lossy()
                .replace('\\', "/");
            if relative == "main.rs" || relative == "cli" {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if relative.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).expect("readable source");
                files.push((relative, text));
            }
        }
    }
    files.sort();
    files
}

/// `graph` for `graph.rs` and `graph/maps.rs`; the root for `lib.rs`.
fn module_of(file: &str) -> String {
    if file == "lib.rs" {
        return ROOT.to_owned();
    }
    let first = file.split('/').next().unwrap_or(file);
    first.strip_suffix(".rs").unwrap_or(first).to_owned()
}

/// The top-level modules (and root items) a file's code names.
fn uses(text: &str, modules: &[String], is_root: bool) -> Vec<Use> {
    let code = blank_non_code(text);
    let bytes = code.as_bytes();
    let line_of = |at: usize| 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
    let classify = |name: &str, line: usize| Use {
        line,
        module: if modules.iter().any(|m| m == name) {
            name.to_owned()
        } else {
            ROOT.to_owned()
        },
        item: name.to_owned(),
    };
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !is_ident_start(bytes[at]) || (at > 0 && is_ident(bytes[at - 1])) {
            at += 1;
            continue;
        }
        let start = at;
        let ident = ident_at(&code, at);
        at += ident.len();
        let Some(after) = path_separator_after(&code, at) else {
            continue;
        };
        let preceded_by_path = code[..start].trim_end().ends_with("::");
        if ident == "crate" {
            if code[after..].starts_with('{') {
                for first in group_heads(&code[after..]) {
                    out.push(classify(&first, line_of(start)));
                }
            } else {
                let name = ident_at(&code, after);
                if !name.is_empty() {
                    out.push(classify(name, line_of(start)));
                }
            }
        } else if is_root && !preceded_by_path && modules.iter().any(|m| m == ident) {
            out.push(classify(ident, line_of(start)));
        }
    }
    out
}

/// Where the path continues after `::` (and spaces) following `at`, if it does.
fn path_separator_after(code: &str, at: usize) -> Option<usize> {
    let rest = &code[at..];
    let trimmed = rest.trim_start();
    let after = trimmed.strip_prefix("::")?;
    let after_spaces = after.trim_start();
    Some(code.len() - after_spaces.len())
}

/// The first name of each path of a `{a, b::c, d::{e, f}}` group.
fn group_heads(group: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut expecting_head = true;
    for (at, c) in group.char_indices() {
        match c {
            '{' => {
                depth += 1;
                expecting_head = depth == 1;
            }
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            ',' if depth == 1 => expecting_head = true,
            c if expecting_head && depth == 1 && is_ident_start(c as u8) && c.is_ascii() => {
                heads.push(ident_at(group, at).to_owned());
                expecting_head = false;
            }
            _ => {}
        }
    }
    heads
}

fn ident_at(code: &str, at: usize) -> &str {
    let len = code.as_bytes()[at..]
        .iter()
        .take_while(|&&b| is_ident(b))
        .count();
    &code[at..at + len]
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The text with comments, string literals and char literals replaced by spaces (line
/// breaks kept, so line numbers stay right).
fn blank_non_code(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(bytes.len())] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let after_ident = at > 0 && is_ident(bytes[at - 1]);
        if rest.starts_with(b"//") {
            let end = rest
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |n| at + n);
            blank(&mut out, at, end);
            at = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut end) = (0usize, at);
            while end < bytes.len() {
                if bytes[end..].starts_with(b"/*") {
                    depth += 1;
                    end += 2;
                } else if bytes[end..].starts_with(b"*/") {
                    depth -= 1;
                    end += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    end += 1;
                }
            }
            blank(&mut out, at, end);
            at = end;
        } else if let Some((open, hashes)) = raw_string_open(rest).filter(|_| !after_ident) {
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            let end = bytes[at + open..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(bytes.len(), |n| at + open + n + close.len());
            blank(&mut out, at, end);
            at = end;
        } else if rest[0] == b'"' {
            let mut end = at + 1;
            while end < bytes.len() && bytes[end] != b'"' {
                end += if bytes[end] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, at, end + 1);
            at = end + 1;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '\u{1F600}'), not a lifetime ('a).
            let len = match rest.get(1) {
                Some(b'\\') => rest[2..].iter().position(|&b| b == b'\'').map(|n| n + 3),
                Some(_) => {
                    let width = text[at + 1..].chars().next().map_or(1, char::len_utf8);
                    (rest.get(1 + width) == Some(&b'\'')).then_some(width + 2)
                }
                None => None,
            };
            match len {
                Some(len) => {
                    blank(&mut out, at, at + len);
                    at += len;
                }
                None => at += 1,
            }
        } else {
            at += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The length of a raw string's opening (`r"`, `r#"`, `br##"`) at the start of `rest`,
/// and its number of `#`.
fn raw_string_open(rest: &[u8]) -> Option<(usize, usize)> {
    let after_b = if rest.first() == Some(&b'b') { 1 } else { 0 };
    if rest.get(after_b) != Some(&b'r') {
        return None;
    }
    let hashes = rest[after_b + 1..]
        .iter()
        .take_while(|&&b| b == b'#')
        .count();
    (rest.get(after_b + 1 + hashes) == Some(&b'"')).then_some((after_b + hashes + 2, hashes))
}

#[test]
fn the_scan_reads_paths_and_skips_comments_and_literals() {
    let modules: Vec<String> = ["graph", "facts", "rules"].map(str::to_owned).to_vec();
    let text = "//! see `crate::rules`\n\
                use crate::graph::{FileId, Ns};\n\
                use crate::{Analysis, facts::{Span, Side}};\n\
                /* crate::rules::find */ let s = \"use crate::rules::RULES;\";\n\
                let r = r#\"crate::rules\"#; let c = '\"'; let l: &'static str = \"\";\n\
                fn f<'a>(x: &'a str) { crate::on_workers(|| ()); }\n";
    let found: Vec<String> = uses(text, &modules, false)
        .iter()
        .map(|u| format!("{}: {} {}", u.line, u.module, u.item))
        .collect();
    assert_eq!(
        found,
        [
            "2: graph graph",
            "3: crate Analysis",
            "3: facts facts",
            "6: crate on_workers"
        ]
    );
    // The root names its children without `crate::`, and `std::fmt::` is no child.
    let root = "fn f() { graph::link(); std::facts::x(); rules ::run(); }\n";
    let found: Vec<String> = uses(root, &modules, true)
        .into_iter()
        .map(|u| u.module)
        .collect();
    assert_eq!(found, ["graph", "rules"]);
}
