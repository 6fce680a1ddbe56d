import { io } from "socket.io-client";
import { Ev } from "../../shared/events";

const socket = io("http://localhost:3000");

export function joinRoom(room: string): void {
  socket.emit(Ev.Join, room);
}

socket.on(Ev.Joined, (room: string) => {
  console.log(`joined ${room}`);
});
