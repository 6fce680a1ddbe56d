//! The arguments of function-like macros (`assert!(...)`, `vec![...]`,
//! `tokio::join!(...)`), parsed as expressions before the walk, which walks them where
//! the macro is written.

use rustc_hash::FxHashMap as HashMap;

use syn::Expr;
use syn::visit::Visit;

use super::syntax::to_span;

/// The arguments of every function-like macro of a file whose tokens are a
/// comma-separated list of expressions, by where the macro's `!` is. Parsed before the
/// walk and kept for as long as the file's tree, so that the walk can hold on to them
/// as it holds on to the tree; the tokens keep their spans in the file. A macro that
/// does not parse that way (`macro_rules!`, `json!({...})`, `select! { ... }`, a DSL)
/// is left out silently. A format macro's first argument is a format string: a string
/// literal, which names no event on its own.
#[derive(Default)]
pub(super) struct MacroArgs {
    by_bang: HashMap<u32, Vec<Expr>>,
}

impl MacroArgs {
    pub(super) fn parse(file: &syn::File, len: u32) -> MacroArgs {
        let mut collector = MacroCollector {
            len,
            found: Vec::new(),
        };
        collector.visit_file(file);
        let mut parsed = collector.found;
        // Macros inside macro arguments (`assert!(matches!(...))`): their tokens are
        // only seen once the outer arguments are parsed. Each round looks inside the
        // macros the previous one added, so every macro is parsed once.
        let mut next = 0;
        while next < parsed.len() {
            let mut nested = MacroCollector {
                len,
                found: Vec::new(),
            };
            for arg in &parsed[next].1 {
                nested.visit_expr(arg);
            }
            parsed.extend(nested.found);
            next += 1;
        }
        MacroArgs {
            by_bang: parsed.into_iter().collect(),
        }
    }

    pub(super) fn get(&self, bang: u32) -> Option<&Vec<Expr>> {
        self.by_bang.get(&bang)
    }
}

struct MacroCollector {
    len: u32,
    found: Vec<(u32, Vec<Expr>)>,
}

impl<'ast> Visit<'ast> for MacroCollector {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let parsed = mac
            .parse_body_with(syn::punctuated::Punctuated::<Expr, syn::Token![,]>::parse_terminated);
        if let Ok(args) = parsed
            && !args.is_empty()
        {
            let bang = to_span(mac.bang_token.span, self.len).start;
            self.found.push((bang, args.into_iter().collect()));
        }
    }

    /// `macro_rules! name { ... }` defines a macro: its body is patterns, not code.
    fn visit_item_macro(&mut self, item: &'ast syn::ItemMacro) {
        if item.ident.is_none() {
            self.visit_macro(&item.mac);
        }
    }
}
