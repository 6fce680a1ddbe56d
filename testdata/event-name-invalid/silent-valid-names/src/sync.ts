// silent: `-`, `/`, `:` and `_` are allowed, and so are Tauri's own `tauri://` names.
import { emit, listen } from "@tauri-apps/api/event";

export const onSynced = (cb: () => void) => listen("sync/finished:ok_now-1", cb);
export const onResize = (cb: () => void) => listen("tauri://resize", cb);
export const ready = () => emit("app-ready");
