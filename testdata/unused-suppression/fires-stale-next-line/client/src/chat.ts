// fires: the server now handles "chat:message", so the suppression above the emit suppresses nothing
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  // wirelint-ignore-next-line unmatched-emit -- the server called it "chat:send" until v2
  socket.emit("chat:message", text);
}
