// silent: "ping" may be the application's own event, and the server's code is not here to tell
import { io } from "socket.io-client";

const socket = io("https://status.example.com");
let lastPing = null;

socket.on("ping", (sentAt) => {
  lastPing = sentAt;
});

export const lastSeen = () => lastPing;
