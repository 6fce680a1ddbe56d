// silent: `onProgress` is a `new Channel()` whose `onmessage` receives what `backup` sends; `onDone` is an inline Channel.
import { useState } from "react";
import { Channel, invoke } from "@tauri-apps/api/core";

export function BackupButton() {
  const [percent, setPercent] = useState(0);

  async function backup() {
    const onProgress = new Channel<number>();
    onProgress.onmessage = (done) => setPercent(done);
    await invoke<string>("backup", {
      target: "~/notes.zip",
      onProgress,
      onDone: new Channel<string>((path) => console.info("saved", path)),
    });
  }

  return <button onClick={backup}>Back up ({percent}%)</button>;
}
