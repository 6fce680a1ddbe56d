import { emit } from "@tauri-apps/api/event";

export const openNote = (id: number) => emit("note-opened", id);
