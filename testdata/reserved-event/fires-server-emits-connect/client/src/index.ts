import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("connect", () => {
  console.log(`connected as ${socket.id}`);
});

socket.on("motd", (text: string) => {
  console.log(text);
});
