import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

export async function setTheme(theme: string, apply: (theme: string) => void) {
  await listen<string>("theme-changed", (event) => apply(event.payload));
  await invoke("set_theme", { theme });
}
