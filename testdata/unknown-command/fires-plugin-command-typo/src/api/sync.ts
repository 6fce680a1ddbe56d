// fires: a plugin command misspelt (the rename fix writes the whole name) and one the plugin does not define
import { invoke } from "@tauri-apps/api/core";

export const syncNow = () => invoke<number>("plugin:notes-sync|sync_nwo");
export const lastSync = () => invoke<number | null>("plugin:notes-sync|last_sync");
export const purgeAll = () => invoke<void>("plugin:notes-sync|purge_all");
