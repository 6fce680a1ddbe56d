import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function say(text: string): void {
  socket.emit("chat:say", text);
}

export function heartbeat(): void {
  socket.emit("presence:ping", Date.now());
}
