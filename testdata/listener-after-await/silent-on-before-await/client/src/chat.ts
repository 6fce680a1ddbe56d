import { io } from "socket.io-client";

const socket = io("http://localhost:3000", { auth: { token: "ann-token" } });

socket.emit("chat", "hello");

socket.on("chat:message", (msg: { from: string; text: string }) => {
  console.log(`${msg.from}: ${msg.text}`);
});
