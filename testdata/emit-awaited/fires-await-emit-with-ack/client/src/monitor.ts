// fires: `emit` returns the socket, so `refresh()` runs before the server has resumed the monitor
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export async function resumeMonitor(id: number, refresh: () => void) {
  await socket.emit("monitor:resume", id, (res: { ok: boolean }) => {
    if (!res.ok) console.warn("could not resume", id);
  });
  refresh();
}
