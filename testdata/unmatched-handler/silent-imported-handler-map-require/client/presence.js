import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function join(user, render) {
  socket.emit("presence:join", user, (users) => render(users));
}

export function leave(userId) {
  socket.emit("presence:leave", userId);
}
