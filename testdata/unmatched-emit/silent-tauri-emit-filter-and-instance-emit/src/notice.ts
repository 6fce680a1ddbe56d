import { invoke } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { Window } from "@tauri-apps/api/window";

export async function watchNotices(show: (text: string) => void) {
  await getCurrentWebview().listen<string>("notice", (event) => show(event.payload));
  const settings = await Window.getByLabel("settings");
  if (settings) {
    await settings.listen("ping", () => {});
  }
  await getCurrentWebview().emit("ping");
  await invoke("notify");
}
