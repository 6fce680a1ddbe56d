import { io } from "socket.io-client";

const socket = io("http://localhost:3001");

export function ping() {
  socket.emit("relay:ping", Date.now());
}

socket.on("relayed", ({ event, payload }) => console.log(event, payload));
