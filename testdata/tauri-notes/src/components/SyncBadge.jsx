// An early component, still JavaScript.
import { useEffect, useState } from "react";
import { listen } from "@tauri-apps/api/event";
import { syncNow, syncStatus } from "../api/commands";
import { SYNC_PROGRESS } from "../api/events";

export default function SyncBadge() {
  const [percent, setPercent] = useState(0);
  const [pending, setPending] = useState(0);

  useEffect(() => {
    syncStatus().then((status) => setPending(status.pending));
    // BUG: listener-leak: `unlisten` is the Promise that listen() returns, not the
    // function; the cleanup throws and the listener is added again on every mount.
    const unlisten = listen(SYNC_PROGRESS, (event) => setPercent(event.payload));
    return () => unlisten();
  }, []);

  useEffect(() => {
    // BUG: event-name-invalid: '.' is not allowed in a Tauri event name; listen() rejects.
    const unlisten = listen("sync.finished", () => setPercent(100));
    return () => {
      unlisten.then((off) => off());
    };
  }, []);

  return (
    <button onClick={() => syncNow()}>
      {percent > 0 && percent < 100 ? `${percent}%` : `sync (${pending})`}
    </button>
  );
}
