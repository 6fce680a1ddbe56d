import { invoke } from "@tauri-apps/api/core";

export const listNotes = () => invoke<string[]>("list_notes");
