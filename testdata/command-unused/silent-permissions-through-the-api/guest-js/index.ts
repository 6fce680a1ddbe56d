// silent: checkPermissions/requestPermissions of @tauri-apps/api/core invoke the plugin's own permission commands
import { checkPermissions as checkPluginPermissions, invoke, requestPermissions as requestPluginPermissions } from "@tauri-apps/api/core";

const PLUGIN = "geo";

export async function checkPermissions(): Promise<string> {
  return await checkPluginPermissions<string>(PLUGIN);
}

export async function requestPermissions(): Promise<string> {
  return await requestPluginPermissions<string>(PLUGIN);
}

export async function currentPosition(): Promise<[number, number]> {
  return await invoke<[number, number]>("plugin:geo|get_position");
}
