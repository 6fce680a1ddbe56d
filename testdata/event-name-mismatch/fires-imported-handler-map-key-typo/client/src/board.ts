import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function createCard(id: string, title: string) {
  socket.emit("card:create", { id, title });
}

export function archiveCard(id: string) {
  socket.emit("card:archived", id);
}
