// silent: the project's own plugin answers "plugin:notes-sync|sync_now" (its name is a
// constant); "plugin:fs|read_text_file" belongs to an official plugin crate outside the project.
import { invoke } from "@tauri-apps/api/core";

export const syncNow = () => invoke<number>("plugin:notes-sync|sync_now");
export const readConfig = (path: string) => invoke<string>("plugin:fs|read_text_file", { path });
export const ping = () => invoke<string>("ping");
