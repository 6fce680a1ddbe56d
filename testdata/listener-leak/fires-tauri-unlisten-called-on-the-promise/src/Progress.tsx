// fires: `unlisten` holds the Promise listen() returns; calling it removes nothing.
import { useEffect, useState } from "react";
import { listen } from "@tauri-apps/api/event";

export function Progress() {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const unlisten = listen<number>("sync-progress", (event) => setPercent(event.payload));
    return () => unlisten();
  }, []);
  return <span>{percent}%</span>;
}
