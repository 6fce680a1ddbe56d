use super::Context;
pub(super) use crate::catalog::PARSE_ERROR as RULE;
use crate::diagnostic::{Diagnostic, Severity};

pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (file, source) in cx.files.iter().enumerate() {
        let Some(error) = &source.facts.parse_error else {
            continue;
        };
        let diagnostic = Diagnostic::new(&RULE, file, error.span, error.message.clone());
        let rust = source.path.extension().is_some_and(|ext| ext == "rs");
        out.push(match source.facts.template {
            // A template is not broken code: it is rendered into code elsewhere.
            true => diagnostic.severity(Severity::Info).help(if rust {
                "a template is rendered into Rust by a generator (a CLI's scaffolding, `cargo generate`), so wirelint cannot read it; strings it quotes keep findings that could depend on it quiet"
            } else {
                "a template is rendered into JavaScript by the server, so wirelint cannot read it; strings it quotes keep findings that could depend on it quiet"
            }),
            false => diagnostic.help(
                "this file's events are left out of matching; findings that could depend on it are not reported",
            ),
        });
    }
}
