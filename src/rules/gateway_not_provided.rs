use super::Context;
pub(super) use crate::catalog::GATEWAY_NOT_PROVIDED as RULE;
use crate::diagnostic::Diagnostic;

/// A gateway is instantiated only as a provider of a module. Providers are matched by
/// class name across the project (a shared library's module may provide an app's
/// gateway): a name listed by any `@Module` counts, and a module whose `providers`
/// cannot be read (a spread, a variable) may list any gateway. An app without any
/// `@Module` of its own is a partial view (a library, a checkout of one package): its
/// gateways are not reported. A gateway with no `@SubscribeMessage` method is left
/// alone: nothing of a client's is lost.
pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut provided = rustc_hash::FxHashSet::default();
    let mut apps_with_modules = rustc_hash::FxHashSet::default();
    for (file, source) in cx.files.iter().enumerate() {
        for module in &source.facts.nest.modules {
            apps_with_modules.insert(cx.graph.app_of(file));
            match &module.providers {
                Some(names) => provided.extend(names.iter().map(String::as_str)),
                None => return,
            }
        }
    }
    for (file, source) in cx.files.iter().enumerate() {
        if !apps_with_modules.contains(&cx.graph.app_of(file)) {
            continue;
        }
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
