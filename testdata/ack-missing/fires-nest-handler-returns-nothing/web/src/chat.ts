import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function send(text: string, onSent: () => void) {
  socket.emit("chat:send", { author: "me", text }, () => onSent());
}

socket.on("chat:message", (message: { author: string; text: string }) => {
  console.log(`${message.author}: ${message.text}`);
});
