import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const pending = new Map<string, string>();

socket.emit("room:join", "general");

export function send(room: string, text: string): void {
  const clientId = `${Date.now()}-${Math.random()}`;
  pending.set(clientId, text);
  socket.emit("message:new", { room, clientId, text });
}

socket.on("message:new", (msg: { room: string; clientId: string; text: string }) => {
  if (pending.delete(msg.clientId)) {
    console.log(`sent: ${msg.text}`);
  } else {
    console.log(`[${msg.room}] ${msg.text}`);
  }
});
