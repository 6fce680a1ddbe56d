import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");

export function join(room: string): void {
  socket.emit("room:join", room);
}
