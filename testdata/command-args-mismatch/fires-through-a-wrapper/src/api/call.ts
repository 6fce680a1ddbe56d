// fires: the wrapper's caller sends `{ note_id }`; save_note reads `noteId` (and `body`).
import { invoke } from "@tauri-apps/api/core";

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    console.error(`${command} failed`, error);
    throw error;
  }
}

export const saveNote = (note_id: number, body: string) => call<void>("save_note", { note_id, body });
