import { invoke } from "@tauri-apps/api/core";

export const unlock = (password: string) => invoke<boolean>("plugin:vault|unlock", { password });
export const lock = () => invoke<void>("plugin:vault|lock");
