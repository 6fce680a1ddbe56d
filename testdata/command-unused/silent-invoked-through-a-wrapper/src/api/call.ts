// silent: every command is invoked, some through the `call` wrapper and a constant.
import { invoke } from "@tauri-apps/api/core";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  return await invoke<T>(command, args);
}

export const COUNT = "count_notes";
export const countNotes = () => call<number>(COUNT);
export const listNotes = () => call<string[]>("list_notes");
