// silent: `rpc` and `hostCall` hand only `plugin:` names to `invoke` (the others travel inside the `rpc` command), and `syncCall` invokes `plugin:notes-sync|<cmd>`.
import { invoke } from "@tauri-apps/api/core";

async function rpc<T>(cmd: string, payload?: Record<string, unknown>): Promise<T> {
  if (cmd.startsWith("plugin:")) {
    return await invoke<T>(cmd, payload);
  }
  return await invoke<T>("rpc", { cmd, payload: payload ?? {} });
}

async function hostCall<T>(cmd: string, payload?: Record<string, unknown>): Promise<T> {
  if (!cmd.startsWith("plugin:")) {
    return invoke<T>("rpc", { cmd, payload: payload ?? {} });
  }
  return invoke<T>(cmd, payload);
}

function syncCall<T>(cmd: string): Promise<T> {
  return invoke<T>(`plugin:notes-sync|${cmd}`);
}

function syncCallJoined<T>(cmd: string): Promise<T> {
  return invoke<T>("plugin:notes-sync|" + cmd);
}

export const listNotes = () => rpc<string[]>("list_notes");
export const syncNow = () => rpc<number>("plugin:notes-sync|sync_now");
export const listTags = () => hostCall<string[]>("list_tags");
export const syncFromHost = () => hostCall<number>("plugin:notes-sync|sync_now");
export const syncAgain = () => syncCall<number>("sync_now");
export const lastSync = () => syncCallJoined<number | null>("last_sync");
