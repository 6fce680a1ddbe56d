import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function setStatus(status: "online" | "away" | "offline"): void {
  socket.emit("presence:set", status, (res: { ok: boolean; status?: string }) => {
    if (!res.ok) console.warn(`status ${status} refused`);
  });
}
