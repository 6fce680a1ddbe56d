import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function addNote(text: string): void {
  socket.emit("note:add", { text }, (res: { ok: boolean; id?: string; error?: string }) => {
    console.log(res.ok ? `note saved as ${res.id}` : `not saved: ${res.error}`);
  });
}
