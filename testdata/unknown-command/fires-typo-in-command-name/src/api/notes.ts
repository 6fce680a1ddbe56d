// fires: "delete_notes" is no command; the core registers "delete_note".
import { invoke } from "@tauri-apps/api/core";

export const listNotes = () => invoke<string[]>("list_notes");
export const removeNote = (id: number) => invoke<void>("delete_notes", { id });
