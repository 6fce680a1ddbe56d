import { io } from "socket.io-client";

const socket = io();
socket.on("welcome", () => console.log("welcome"));
socket.on("server:shutting-down", (seconds) => console.log("closing in", seconds));
socket.emit("hello");
