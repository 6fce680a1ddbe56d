import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function addNote(text: string): void {
  socket.emit("note:add", { text }, (res: { id: string }) => {
    console.log(`note saved as ${res.id}`);
  });
}
