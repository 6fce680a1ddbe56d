import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

export function say(text: string): void {
  socket.emit("message", text);
}

socket.on("message", (text: string) => console.log(text));
