// fires: `onProgress` is a plain function, but `backup` takes `on_progress: Channel<u32>`; JSON drops the function.
import { useState } from "react";
import { invoke } from "@tauri-apps/api/core";

export function BackupButton() {
  const [percent, setPercent] = useState(0);

  async function backup() {
    await invoke<string>("backup", {
      target: "~/notes.zip",
      onProgress: (done: number) => setPercent(done),
    });
  }

  return <button onClick={backup}>Back up ({percent}%)</button>;
}
