import { invoke } from "@tauri-apps/api/core";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";

const appWindow = getCurrentWebviewWindow();

export async function syncNow(onDone: () => void) {
  await appWindow.listen("sync-started", () => {});
  await appWindow.listen("sync-done", () => onDone());
  await invoke("sync_now");
}
