import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function post(text) {
  socket.emit("chat:post", text);
}

socket.on("chat:message", (text) => console.log(text));
