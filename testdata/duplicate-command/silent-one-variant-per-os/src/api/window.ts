import { invoke } from "@tauri-apps/api/core";

export const hideDock = () => invoke<void>("hide_dock");
