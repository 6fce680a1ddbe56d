// silent: each cleanup calls the function the Promise resolves to.
import { useEffect, useState } from "react";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

export function Progress() {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const unlisten = listen<number>("sync-progress", (event) => setPercent(event.payload));
    return () => {
      unlisten.then((off) => off());
    };
  }, []);
  useEffect(() => {
    let off: UnlistenFn | undefined;
    (async () => {
      off = await listen<number>("sync-done", () => setPercent(100));
    })();
    return () => off?.();
  }, []);
  return <span>{percent}%</span>;
}
