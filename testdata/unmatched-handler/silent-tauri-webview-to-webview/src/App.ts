// silent: a webview emit reaches webview listeners too, and `tauri://` events are Tauri's own.
import { emit, listen } from "@tauri-apps/api/event";

export async function wire() {
  await listen("theme-picked", () => {});
  await listen("tauri://focus", () => {});
  await emit("theme-picked", "dark");
  await listen("notes-loaded", () => {});
}
