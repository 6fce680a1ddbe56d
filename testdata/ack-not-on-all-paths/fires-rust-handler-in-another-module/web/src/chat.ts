import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function sendMessage(roomId: string, text: string): void {
  socket.emit("message:new", { roomId, text }, (saved: { id: number }) => {
    console.log(`message saved as #${saved.id}`);
  });
}
