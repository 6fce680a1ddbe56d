import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function moveCursor(x: number, y: number): void {
  socket.emit("cursor:move", { x, y }, (accepted: boolean) => {
    if (!accepted) console.warn("cursor update rejected");
  });
}
