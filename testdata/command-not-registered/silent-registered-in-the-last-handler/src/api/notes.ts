// silent: both commands are in the one generate_handler! in force.
import { invoke } from "@tauri-apps/api/core";

export const archiveNote = (id: number) => invoke<void>("archive_note", { id });
export const listNotes = () => invoke<string[]>("list_notes");
