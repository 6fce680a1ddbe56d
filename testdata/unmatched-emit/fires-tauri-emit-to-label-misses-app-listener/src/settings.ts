// fires: emitTo("main", ..) reaches windows and webviews labelled "main", not the core's app.listen.
import { emitTo } from "@tauri-apps/api/event";

export async function saveSettings(settings: { theme: string }) {
  await emitTo("main", "settings-saved", settings);
}
