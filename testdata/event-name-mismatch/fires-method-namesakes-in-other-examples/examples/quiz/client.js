import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("quiz:send", text);
}

socket.on("quiz:update", (text) => console.log(text));
