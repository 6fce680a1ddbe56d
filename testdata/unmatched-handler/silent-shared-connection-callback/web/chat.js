import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("chat:send", text);
}

socket.on("chat:sent", (length) => console.log(`sent ${length} characters`));
