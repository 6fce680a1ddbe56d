import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
const counter = document.getElementById("processed");

socket.on("connect", () => socket.emit("stats:subscribe"));
socket.on("stats:update", ({ processed }) => {
  counter.textContent = String(processed);
});
