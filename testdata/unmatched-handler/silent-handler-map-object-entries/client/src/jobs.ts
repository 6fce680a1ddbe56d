import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function startJob(id: string) {
  socket.emit("job:start", { id }, (ok: boolean) => {
    if (!ok) console.warn(`job ${id} refused`);
  });
}

export function cancelJob(id: string) {
  socket.emit("job:cancel", { id });
}
