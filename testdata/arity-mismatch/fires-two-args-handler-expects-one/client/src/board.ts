// fires: the client sends x and y, the handler declares one payload parameter, so `callback` receives y
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function move(x: number, y: number): void {
  socket.emit("move", x, y, (ok: boolean) => {
    if (!ok) console.warn(`move to ${x},${y} refused`);
  });
}
