import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("vote:send", text);
}

socket.on("vote:update", (text) => console.log(text));
