import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("draw:send", text);
}

socket.on("draw:update", (text) => console.log(text));
