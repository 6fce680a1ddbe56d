import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");

export function sendMessage(text) {
  socket.emit("message:send", text);
}
