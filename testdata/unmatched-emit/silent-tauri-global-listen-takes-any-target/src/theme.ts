import { invoke } from "@tauri-apps/api/core";
import { listen, once } from "@tauri-apps/api/event";

export async function pickTheme(theme: string, apply: (theme: string) => void) {
  await listen<string>("theme-picked", (event) => apply(event.payload));
  await once("theme-saved", () => {});
  await invoke("pick_theme", { theme });
}
