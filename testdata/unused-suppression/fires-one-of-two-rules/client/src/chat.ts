import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("chat:message", (text: string) => console.log(text));
export const send = (text: string) => socket.emit("chat:send", text);
