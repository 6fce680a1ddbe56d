import { io } from "socket.io-client";

export const socket = io("http://localhost:4000");

export function enter(): void {
  socket.emit("lobby:enter");
}
