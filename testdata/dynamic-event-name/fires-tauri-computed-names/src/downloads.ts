// fires: a Tauri event name computed per download, on both ends: neither can be checked by name
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";

export async function download(id: number, onProgress: (percent: number) => void) {
  const unlisten = await listen<number>(`download-progress-${id}`, (event) => onProgress(event.payload));
  await invoke("start_download", { id });
  return unlisten;
}
