import { invoke } from "@tauri-apps/api/core";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";

export async function exportNotes(path: string, done: (path: string) => void) {
  // Registered with target WebviewWindow: an emit aimed at Window("main") skips it.
  const unlisten = await getCurrentWebviewWindow().listen<string>("export-finished", (event) => {
    done(event.payload);
    unlisten();
  });
  await invoke("export_notes", { path });
}
