import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("poll:send", text);
}

socket.on("poll:update", (text) => console.log(text));
