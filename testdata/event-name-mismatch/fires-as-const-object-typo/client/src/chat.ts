import { io } from "socket.io-client";
import { Events } from "../../shared/events";

const socket = io("http://localhost:3000");

export function remove(id: string): void {
  socket.emit(Events.MessageDelete, id);
}

socket.on(Events.MessageRemoved, (id: string) => {
  console.log(`message ${id} removed`);
});
