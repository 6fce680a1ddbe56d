import { io } from "socket.io-client";
import { Events } from "../shared/events";

const socket = io("http://localhost:3000");

export function join(room: string): void {
  socket.emit(Events.Join, room);
}
