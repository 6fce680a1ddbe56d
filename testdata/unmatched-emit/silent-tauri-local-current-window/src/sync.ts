import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";

const appWindow = getCurrentWindow();

export async function syncNow(onDone: () => void) {
  await appWindow.listen("sync-done", () => onDone());
  await invoke("sync_now");
}
