use super::{Context, FixAvailability, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    id: "gateway-not-provided",
    severity: Severity::Warning,
    fix: FixAvailability::None,
    summary: "a NestJS gateway that no module lists in `providers`, so its handlers never run",
    doc: include_str!("../../rules/gateway-not-provided.md"),
    check,
};

/// A gateway is instantiated only as a provider of a module. Providers are matched by
/// class name across the project: a name listed by any `@Module` counts, and a module
/// whose `providers` cannot be read (a spread, a variable) may list any gateway. Without
/// any `@Module` the project is a partial view: nothing is reported. A gateway with no
/// `@SubscribeMessage` method is left alone: nothing of a client's is lost.
fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let modules = cx.files.iter().flat_map(|f| &f.facts.nest.modules);
    let mut provided = rustc_hash::FxHashSet::default();
    let mut any_module = false;
    for module in modules {
        any_module = true;
        match &module.providers {
            Some(names) => provided.extend(names.iter().map(String::as_str)),
            None => return,
        }
    }
    if !any_module {
        return;
    }
    for (file, source) in cx.files.iter().enumerate() {
        for gateway in &source.facts.nest.gateways {
            let Some(name) = &gateway.name else {
                continue;
            };
            // Without handlers an unprovided gateway loses nothing a client sends.
            if gateway.handlers == 0 || provided.contains(name.as_str()) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    file,
                    gateway.span,
                    format!(
                        "no `@Module` lists `{name}` in its `providers`: NestJS never creates this gateway, so its `@SubscribeMessage` handlers never run and clients' events to it go unanswered"
                    ),
                )
                .help(format!(
                    "add `{name}` to the `providers` of the module that serves it, e.g. `@Module({{ providers: [{name}] }})`"
                )),
            );
        }
    }
}
