import { invoke } from "@tauri-apps/api/core";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { getCurrentWindow } from "@tauri-apps/api/window";

export async function exportNotes(path: string, done: (path: string) => void) {
  const offFinished = await getCurrentWebviewWindow().listen<string>("export-finished", (event) => {
    done(event.payload);
    offFinished();
  });
  const offProgress = await getCurrentWindow().listen<number>("export-progress", (event) => {
    if (event.payload === 100) offProgress();
  });
  await invoke("export_notes", { path });
}
