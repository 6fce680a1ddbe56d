import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.emit("ping", Date.now());
socket.on("pong", (sent: number) => {
  console.log(`round trip: ${Date.now() - sent} ms`);
});
