import { io } from "socket.io-client";

const socket = io("http://localhost:3000/presence");

export function refresh() {
  socket.emit("presence:list");
}

