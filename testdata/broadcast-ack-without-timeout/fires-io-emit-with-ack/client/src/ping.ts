import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("ping:all", (callback: (sentAt: number) => void) => {
  callback(Date.now());
});
