// fires: this example's server handles "message:create"; only the chat-rooms example handles "message:new", and this client never talks to it
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text) {
  socket.emit("message:new", { text });
}

socket.on("message:created", (message) => {
  console.log(`${message.from}: ${message.text}`);
});
