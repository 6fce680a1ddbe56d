//! Loops over handler maps and name lists imported from another file:
//!
//! ```js
//! import { handlers } from "./handlers";
//! for (const [ev, fn] of Object.entries(handlers)) socket.on(ev, fn);
//! ```
//! The loop's site (one of unknown name, as the front-end sees it) becomes one site per
//! entry of the map the other file exports ([`ExportedMap`]), placed at the entry's key
//! there, on the loop's socket, with the entry's own function as the listener when the
//! loop registers it. A map that cannot be found leaves the site as it is written.

use super::Linker;
use super::wrappers::{CallEmit, CallHandler, CallPlace, Wrapped, call_handler};
use crate::facts::{Emit, ExportedEntry, ExportedMap, Handler, MapLoop, Span, Value, WrappedSite};
use crate::graph::FileId;

impl Linker<'_> {
    pub(super) fn expand_imported_maps(&self, wrapped: &mut Wrapped) {
        for (file, source) in self.files.iter().enumerate() {
            for map_loop in &source.facts.map_loops {
                let Some((target, map)) = self.imported_map(file, map_loop) else {
                    continue;
                };
                let mut expanded = false;
                for entry in &map.entries {
                    let Some((name, span, literal)) = entry_name(entry, map_loop.values) else {
                        continue;
                    };
                    let place = CallPlace {
                        file: target,
                        name_file: target,
                        via_file: file,
                        via: Span::default(),
                    };
                    match map_loop.site {
                        WrappedSite::Emit(at) => {
                            let Some(emit) = source.facts.emits.get(at as usize) else {
                                continue;
                            };
                            wrapped.emits.push(CallEmit {
                                wrapper_file: file,
                                emit: Emit {
                                    span,
                                    name_span: span,
                                    name: name.clone(),
                                    name_is_literal: literal,
                                    payload_keys: None,
                                    awaited_emit: None,
                                    reply_to: None,
                                    ..emit.clone()
                                },
                                place: CallPlace {
                                    via: emit.span,
                                    ..place
                                },
                            });
                        }
                        WrappedSite::Handler(at) => {
                            let Some(handler) = source.facts.handlers.get(at as usize) else {
                                continue;
                            };
                            // The entry's own function, written in the map's file; a
                            // listener shared by every entry is written in the loop's
                            // file, where the site is not: its signature is left unknown.
                            let (params, ack) = if map_loop.per_entry {
                                (entry.params.clone(), entry.ack.clone())
                            } else {
                                (None, None)
                            };
                            wrapped.handlers.push(CallHandler {
                                wrapper_file: file,
                                handler: Handler {
                                    span,
                                    name_span: span,
                                    name: name.clone(),
                                    name_is_literal: literal,
                                    params,
                                    ack,
                                    ..call_handler(handler, None)
                                },
                                place: CallPlace {
                                    via: handler.span,
                                    ..place
                                },
                            });
                        }
                    }
                    expanded = true;
                }
                if expanded {
                    let at = match map_loop.site {
                        WrappedSite::Emit(at) | WrappedSite::Handler(at) => (file, at),
                    };
                    match map_loop.site {
                        WrappedSite::Emit(_) => wrapped.replaced_emits.insert(at),
                        WrappedSite::Handler(_) => wrapped.replaced_handlers.insert(at),
                    };
                }
            }
        }
        wrapped
            .emits
            .sort_by_key(|call| (call.place.file, call.emit.span));
        wrapped
            .handlers
            .sort_by_key(|call| (call.place.file, call.handler.span));
    }

    /// The map a loop walks, in the file that exports it.
    fn imported_map(&self, file: FileId, map_loop: &MapLoop) -> Option<(FileId, &ExportedMap)> {
        let target = self.resolver.resolve(file, &map_loop.specifier)?;
        let map = self.files[target]
            .facts
            .exported_maps
            .iter()
            .rev()
            .find(|map| map.name == map_loop.name)?;
        Some((target, map))
    }
}

/// The event name an entry gives the loop variable: its key, or its value when the loop
/// walks the values (and the value is a name).
fn entry_name(entry: &ExportedEntry, values: bool) -> Option<(Value, Span, bool)> {
    if values {
        Some((entry.value.clone()?, entry.value_span, false))
    } else {
        Some((entry.key.clone(), entry.key_span, entry.key_literal))
    }
}
