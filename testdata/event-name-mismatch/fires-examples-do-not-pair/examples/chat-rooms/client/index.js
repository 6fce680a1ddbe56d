import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

export function send(room, text) {
  socket.emit("message:new", { room, text });
}

socket.on("message:created", (message) => {
  console.log(`[${message.room}] ${message.text}`);
});
