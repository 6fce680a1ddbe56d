// silent: web/ and admin/ (each its own package) talk to server/ (another package) at the repository root: one app
import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");

export function say(text: string): void {
  socket.emit("chat:say", text);
}

socket.on("chat:message", (text: string) => {
  console.log(text);
});
