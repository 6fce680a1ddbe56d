import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("presence:check", (callback: (status: string) => void) => {
  callback(document.hidden ? "away" : "online");
});
