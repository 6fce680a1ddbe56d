import { io } from "socket.io-client";

export const socket = io("http://localhost:3000", { auth: { token: localStorage.getItem("token") } });

socket.on("connect_error", (err) => console.error("refused:", err.message));

socket.on("welcome", (name: string) => {
  console.log(`signed in as ${name}`);
});
