// fires: STATUS re-exported by shared/index is chat.ts's "chat:status", not presence's "presence:status"
import { io } from "socket.io-client";
import { CHAT_MESSAGE, CHAT_SEND, STATUS } from "../../shared";

const socket = io("http://localhost:3000");

export function send(text: string): void {
  socket.emit(CHAT_SEND, text);
}

export function setStatus(status: "online" | "away"): void {
  socket.emit(STATUS, status);
}

socket.on(CHAT_MESSAGE, (text: string) => console.log(text));
