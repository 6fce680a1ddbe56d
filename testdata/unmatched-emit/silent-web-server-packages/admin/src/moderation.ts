import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function ban(user: string): void {
  socket.emit("admin:ban", user);
}
