import { invoke } from "@tauri-apps/api/core";

export const getTheme = () => invoke<string>("get_theme");
