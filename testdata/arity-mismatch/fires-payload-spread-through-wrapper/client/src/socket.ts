import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

/** Sends a file command; the last argument is the ack, as with `socket.emit`. */
export function fileCommand(...args: unknown[]): void {
  socket.emit("file:save", ...args);
}
