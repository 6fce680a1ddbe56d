// fires: `syncCall("sync_nwo")` invokes `plugin:notes-sync|sync_nwo`, which the plugin does not register.
import { invoke } from "@tauri-apps/api/core";

function syncCall<T>(cmd: string): Promise<T> {
  return invoke<T>(`plugin:notes-sync|${cmd}`);
}

export const syncNow = () => syncCall<number>("sync_nwo");
export const lastSync = () => syncCall<number | null>("last_sync");
