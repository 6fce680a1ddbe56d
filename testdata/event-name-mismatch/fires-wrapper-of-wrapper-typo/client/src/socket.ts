import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(event: string, payload: unknown): void {
  socket.emit(event, payload);
}
