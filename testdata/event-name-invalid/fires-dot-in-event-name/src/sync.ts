// fires: "sync.finished" has a dot: listen rejects (and the Rust emit panics).
import { listen } from "@tauri-apps/api/event";

export const onSynced = (cb: () => void) => listen("sync.finished", cb);
