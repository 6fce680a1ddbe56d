// fires: "chat:sned" is a typo of "chat:send"; the relay example registers handlers under computed names, but only for its own clients
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("chat:sned", text);
}
