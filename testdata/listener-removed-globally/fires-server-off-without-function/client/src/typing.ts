import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function typing(room: string): void {
  socket.emit("typing", room);
}

export function stopSharingTyping(): void {
  socket.emit("typing:disable");
}

socket.on("user:typing", (id: string) => {
  console.log(`${id} is typing`);
});
