import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { Note, Settings, SyncStatus } from "./types";

// One door to the core, so that errors can be logged in one place.
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    console.error(`${command} failed`, error);
    throw error;
  }
}

export const getSettings = () => call<Settings>("get_settings");
export const getTheme = () => call<string>("get_theme");

export function listNotes(user_id: number) {
  // BUG: command-args-mismatch: list_notes(user_id: u32) reads the key `userId`.
  return call<Note[]>("list_notes", { user_id });
}

export const getNote = (id: number) => call<Note>("get_note", { id });

export const saveNote = (noteId: number, body: string) =>
  call<void>("save_note", { noteId, body });

export const deleteNote = (id: number) => invoke<void>("delete_note", { id });

// search_notes keeps snake_case keys (rename_all = "snake_case").
export const searchNotes = (query: string) =>
  call<Note[]>("search_notes", { query, max_results: 20 });

export function archiveNote(id: number) {
  // BUG: command-not-registered: archive_note is a #[tauri::command] that lib.rs's
  // generate_handler! does not list ("Command archive_note not found").
  return call<void>("archive_note", { id });
}

export const syncNow = () => invoke<number>("plugin:notes-sync|sync_now");
export const syncStatus = () => invoke<SyncStatus>("plugin:notes-sync|sync_status");
