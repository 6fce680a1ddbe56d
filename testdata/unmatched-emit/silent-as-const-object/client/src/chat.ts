import { io } from "socket.io-client";
import { Events } from "../../shared/events";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  socket.emit(Events.MessageNew, text);
}

socket.on(Events["MessageAdded"], (text: string) => {
  console.log(text);
});
