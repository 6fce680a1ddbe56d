// silent: `emitWithAck` returns a promise of the ack, so the `await` really waits for the server
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function resumeMonitor(id: number, refresh: () => void) {
  const res: { ok: boolean } = await socket.timeout(5000).emitWithAck("monitor:resume", id);
  if (!res.ok) console.warn("could not resume", id);
  refresh();
}

export function resumeLater(id: number) {
  socket.emit("monitor:resume", id, (res: { ok: boolean }) => console.log("resumed", id, res.ok));
}
