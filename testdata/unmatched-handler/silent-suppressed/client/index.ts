import { io } from "socket.io-client";

const socket = io("http://localhost:3000");
socket.emit("chat:send", "hello");
socket.on("chat:message", (text: string) => console.log(text));
