// silent: camelCase keys, rename_all = "snake_case", an Option left out, injected params.
import { invoke } from "@tauri-apps/api/core";

export const saveNote = (noteId: number, body: string) => invoke<void>("save_note", { noteId, body });
export const search = (query: string) => invoke<string[]>("search_notes", { query, max_results: 5 });
export const getNote = (id: number) => invoke<string>("get_note", { id });
export const echo = (args: Record<string, unknown>) => invoke<string>("get_note", args);
