import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function sendMessage(text: string): void {
  socket.emit("message:new", { text });
}

socket.on("message:created", (message: { text: string }) => {
  console.log(message.text);
});
