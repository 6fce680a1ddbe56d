import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  // `send` emits "message", which this server does not handle
  socket.send(text);
}

export function say(text: string): void {
  socket.emit("chat:say", text);
}

socket.on("chat:message", (text: string) => console.log(text));
