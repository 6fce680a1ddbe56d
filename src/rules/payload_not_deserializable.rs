use super::Context;
pub(super) use crate::catalog::PAYLOAD_NOT_DESERIALIZABLE as RULE;
use crate::diagnostic::Diagnostic;
use crate::facts::{RustStruct, Side};
use crate::graph::{FileId, HandlerSite};

/// Best effort, and quiet when unsure: only an object literal with plain keys, sent as
/// the one payload argument, against a struct whose serde shape is fully understood
/// (see `lang/rust/serde_shape.rs`) and whose name is unambiguous.
pub(super) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let graph = cx.graph;
    for emit in graph
        .emits
        .iter()
        .filter(|e| e.confident && e.side == Side::Client)
    {
        let (Some(keys), Some(name)) = (&emit.payload_keys, emit.event.name()) else {
            continue;
        };
        for handler in graph.receivers(emit).filter(|h| h.confident) {
            let Some((struct_file, shape)) = data_struct(cx, handler) else {
                continue;
            };
            let missing: Vec<&str> = shape
                .fields
                .iter()
                .filter(|f| f.required && !f.keys.iter().any(|k| keys.contains(k)))
                .map(|f| f.keys[0].as_str())
                .collect();
            let unknown: Vec<&str> = keys
                .iter()
                .filter(|k| shape.deny_unknown && !shape.fields.iter().any(|f| f.keys.contains(k)))
                .map(String::as_str)
                .collect();
            let problem = match (missing.as_slice(), unknown.as_slice()) {
                ([], []) => continue,
                (missing, []) => format!("it has no {}", quoted(missing)),
                ([], unknown) => format!(
                    "`{}` denies unknown fields and it has {}",
                    shape.name,
                    quoted(unknown)
                ),
                (missing, unknown) => format!(
                    "it has no {} and `{}` denies the unknown {}",
                    quoted(missing),
                    shape.name,
                    quoted(unknown)
                ),
            };
            let sent = keys
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Diagnostic::new(
                    &RULE,
                    emit.file,
                    emit.span,
                    format!(
                        "\"{name}\" sends {{ {sent} }} but the server deserializes it into `{}`, and {problem}: deserializing fails, so socketioxide skips the handler and no ack comes",
                        shape.name
                    ),
                )
                .event(&emit.ns, name)
                .label(
                    handler.file,
                    handler.span,
                    format!("reads the payload as `Data<{}>`", shape.name),
                )
                .label(
                    struct_file,
                    shape.span,
                    format!("`{}` as serde reads it from JSON", shape.name),
                )
                .help("send the keys the struct expects (after its `rename_all`), or make the field an `Option` or `#[serde(default)]`"),
            );
        }
    }
}

/// The struct a Rust handler's `Data<T>` names: in the handler's own crate when it is
/// there, else the only one of that name in the project.
fn data_struct<'c>(cx: &'c Context, handler: &HandlerSite) -> Option<(FileId, &'c RustStruct)> {
    let name = handler.data_type.as_deref()?;
    let found: Vec<(FileId, &RustStruct)> = cx
        .files
        .iter()
        .enumerate()
        .flat_map(|(file, source)| source.facts.structs.iter().map(move |s| (file, s)))
        .filter(|(_, s)| s.name == name)
        .collect();
    let home = crate::graph::crate_root(&cx.files[handler.file].path);
    let local: Vec<_> = found
        .iter()
        .filter(|(file, _)| crate::graph::crate_root(&cx.files[*file].path) == home)
        .copied()
        .collect();
    match (local.as_slice(), found.as_slice()) {
        ([only], _) | ([], [only]) => Some(*only),
        _ => None,
    }
}

fn quoted(keys: &[&str]) -> String {
    let keys: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    keys.join(", ")
}
