// fires: archive_note is listed only in the first invoke_handler, which the second replaces.
import { invoke } from "@tauri-apps/api/core";

export const archiveNote = (id: number) => invoke<void>("archive_note", { id });
export const listNotes = () => invoke<string[]>("list_notes");
