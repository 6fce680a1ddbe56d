import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function join(room: string): void {
  socket.emit("chat:join", room, (res: { ok: boolean; history: string[] }) => {
    res.history.forEach((line) => console.log(line));
  });
}

export function send(room: string, text: string): void {
  socket.emit("chat:send", { room, text });
}

socket.on("chat:message", (message: { room: string; text: string }) => {
  console.log(`[${message.room}] ${message.text}`);
});
