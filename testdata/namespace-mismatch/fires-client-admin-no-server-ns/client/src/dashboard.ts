import { adminSocket, socket } from "./sockets";

export function refreshStats(): void {
  adminSocket.emit("stats:get");
}

export function say(text: string): void {
  socket.emit("chat:send", text);
}

socket.on("chat:message", (text: string) => console.log(text));
