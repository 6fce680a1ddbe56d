import { io } from "socket.io-client";

const socket = io();
socket.on("pong", () => console.log("pong"));
socket.emit("ping");
