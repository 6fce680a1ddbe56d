import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
socket.on("chat:message", (text) => console.log(text));
socket.emit("chat:say", "hello");
