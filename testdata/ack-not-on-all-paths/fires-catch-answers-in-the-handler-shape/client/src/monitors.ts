import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

type Answer = { ok: boolean; msg: string };

export function pauseMonitor(id: number): void {
  socket.emit("monitor:pause", id, (res: Answer) => {
    if (!res.ok) alert(res.msg);
  });
}
