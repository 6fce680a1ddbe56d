import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function sendMessage(text: string): void {
  socket.emit("message:create", { text }, (res: { ok: boolean; id?: string }) => {
    console.log(res.ok ? `saved as ${res.id}` : "not saved");
  });
}
