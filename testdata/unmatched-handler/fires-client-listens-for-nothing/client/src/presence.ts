// fires: the client listens for "user:online" but the server never emits it (it emits "presence:update")
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const online = new Set<string>();

socket.on("user:online", (userId: string) => {
  online.add(userId);
});

socket.on("presence:update", (users: string[]) => {
  online.clear();
  users.forEach((u) => online.add(u));
});

export function setName(name: string): void {
  socket.emit("presence:hello", name);
}
