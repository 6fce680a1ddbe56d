import { io } from "socket.io-client";

export const socket = io("http://localhost:3000");

let unread = 0;
socket.on("message:new", (msg: { text: string }) => {
  unread += 1;
  console.log(`unread: ${unread} (${msg.text})`);
});
