import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.emit("session:start", { user: "ada" });
socket.on("session:started", (session: { id: string }) => {
  console.log(`session ${session.id}`);
});
