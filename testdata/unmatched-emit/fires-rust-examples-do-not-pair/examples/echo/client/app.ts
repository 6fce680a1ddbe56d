// fires: this crate (examples/echo/src) handles "echo"; only the chat example's crate handles "message", and this page never talks to it
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  socket.emit("message", text);
}

socket.on("echo:reply", (text: string) => console.log(text));
