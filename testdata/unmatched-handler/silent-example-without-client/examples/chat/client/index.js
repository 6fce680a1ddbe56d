import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function say(text) {
  socket.emit("chat:say", text);
}

socket.on("chat:message", (text) => console.log(text));
