// fires: send() emits whatever event name it is given, so the name can't be resolved statically
import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");

export function send(ev: string, data: unknown): void {
  socket.emit(ev, data);
}
