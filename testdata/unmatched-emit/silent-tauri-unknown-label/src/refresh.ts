import { invoke } from "@tauri-apps/api/core";
import { WebviewWindow } from "@tauri-apps/api/webviewWindow";

export async function openEditor(reload: () => void) {
  const editor = new WebviewWindow("editor", { url: "/editor" });
  await editor.listen("refresh", () => reload());
  await invoke("watch");
  await invoke("refresh", { label: "editor" });
}
