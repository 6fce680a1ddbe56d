import { useEffect, useState } from "react";
import { emit, listen } from "@tauri-apps/api/event";
import { APP_READY, NOTES_LOADED } from "./api/events";
import { getSettings } from "./api/commands";
import type { Settings } from "./api/types";
import NoteList from "./components/NoteList";
import Editor from "./components/Editor";
import ExportButton from "./components/ExportButton";
import SyncBadge from "./components/SyncBadge";

export default function App() {
  const [count, setCount] = useState<number | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    const unlisten = listen<number>(NOTES_LOADED, (event) => setCount(event.payload));
    emit(APP_READY);
    return () => {
      unlisten.then((off) => off());
    };
  }, []);

  useEffect(() => {
    getSettings().then(setSettings);
    // BUG: unmatched-handler: nothing in the core emits "settings-changed".
    const unlisten = listen<Settings>("settings-changed", (event) => setSettings(event.payload));
    return () => {
      unlisten.then((off) => off());
    };
  }, []);

  return (
    <main className={settings?.theme ?? "light"}>
      <header>
        {count ?? "…"} notes <SyncBadge />
      </header>
      <NoteList userId={1} onSelect={setSelected} />
      {selected !== null && <Editor noteId={selected} />}
      <ExportButton />
    </main>
  );
}
