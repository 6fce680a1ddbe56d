import { useEffect, useState } from "react";
import { Channel, invoke } from "@tauri-apps/api/core";
import { getCurrentWebviewWindow } from "@tauri-apps/api/webviewWindow";
import { EXPORT_FINISHED } from "../api/events";
import type { ExportProgress } from "../api/types";

export default function ExportButton() {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  useEffect(() => {
    // Listens on this webview window only (target WebviewWindow "main").
    const unlisten = getCurrentWebviewWindow().listen<string>(EXPORT_FINISHED, (event) =>
      setWritten(event.payload),
    );
    return () => {
      unlisten.then((off) => off());
    };
  }, []);

  async function exportNotes() {
    const onProgress = new Channel<ExportProgress>();
    onProgress.onmessage = (message) => setProgress(message);
    await invoke<string>("export_notes", { format: "md", onProgress });
  }

  return (
    <footer>
      <button onClick={exportNotes}>Export</button>
      {progress && `${progress.done}/${progress.total}`}
      {written && <span>Saved to {written}</span>}
    </footer>
  );
}
