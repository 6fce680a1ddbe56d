// fires: nothing emits "settings-changed", in the core or in a webview.
import { emit, listen } from "@tauri-apps/api/event";

export async function wire() {
  await listen("settings-changed", () => {});
  await listen("notes-loaded", () => {});
  await emit("app-ready");
}
