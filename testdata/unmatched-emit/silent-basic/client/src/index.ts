// silent: every client emit has a server handler and every server emit a client listener
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("chat:message", (message: { from: string; text: string }) => {
  console.log(`${message.from}: ${message.text}`);
});

export function join(room: string): void {
  socket.emit("room:join", room, (res: { ok: boolean }) => {
    if (!res.ok) console.warn(`could not join ${room}`);
  });
}

export function say(room: string, text: string): void {
  socket.emit("chat:say", { room, text });
}
