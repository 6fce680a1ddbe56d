import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function greet(name: string): void {
  socket.emit("hello", name);
}

socket.on("welcome", (text: string) => console.log(text));
