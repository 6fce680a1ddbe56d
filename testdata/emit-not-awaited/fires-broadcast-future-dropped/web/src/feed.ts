import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function follow(topic: string): void {
  socket.emit("topic:follow", topic);
}

socket.on("announcement", (announcement: { title: string }) => {
  console.log(`announcement: ${announcement.title}`);
});

socket.on("topic:update", (update: { topic: string; text: string }) => {
  console.log(`${update.topic}: ${update.text}`);
});
