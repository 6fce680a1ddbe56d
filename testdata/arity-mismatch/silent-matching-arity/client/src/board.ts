// silent: the client sends x and y and the handler declares exactly (x, y, callback)
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function move(x: number, y: number): void {
  socket.emit("move", x, y, (ok: boolean) => {
    if (!ok) console.warn(`move to ${x},${y} refused`);
  });
}
