import { io } from "socket.io-client";

const socket = io("http://localhost:3000", { auth: { role: "member" } });

export function say(text: string): void {
  socket.emit("chat:say", text);
}

export function kick(userId: string): void {
  socket.emit("admin:kick", userId);
}
