import { io } from "socket.io-client";
import { MESSAGE_CHANGED, MESSAGE_EDIT } from "../../shared/events";

const socket = io("http://localhost:3000");

export function edit(id: string, text: string): void {
  socket.emit(MESSAGE_EDIT, { id, text });
}

socket.on(MESSAGE_CHANGED, (message: { id: string; text: string }) => {
  console.log(message.id, message.text);
});
