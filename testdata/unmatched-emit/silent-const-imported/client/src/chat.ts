import { io } from "socket.io-client";
import { MESSAGE_ADDED, MESSAGE_NEW } from "../../shared/events";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  socket.emit(MESSAGE_NEW, text);
}

socket.on(MESSAGE_ADDED, (text: string) => {
  console.log(text);
});
