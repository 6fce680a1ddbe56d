// fires: Tauri reads `user_id: u32` from the key `userId`; `{ user_id }` is missing it.
import { invoke } from "@tauri-apps/api/core";

export function listNotes(user_id: number) {
  return invoke<string[]>("list_notes", { user_id, limit: 20 });
}
