import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("chat:message", (text: string) => console.log(text));

export function say(text: string): void {
  socket.emit("chat:say", text);
}
