import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function track(page: string): void {
  socket.emit("analytics:view", page);
}
