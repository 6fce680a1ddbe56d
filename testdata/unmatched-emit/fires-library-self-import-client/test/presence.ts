// fires: inside the socket.io-client package, `..` is socket.io-client itself: its `io()` is a real client, and nothing handles "presence:ping"
import { io } from "..";
import { createServer } from "./support/server";

const server = createServer(3212);
const socket = io("http://localhost:3212");

socket.on("chat:message", (text: string) => {
  console.log(text);
  socket.emit("presence:ping");
  socket.close();
  server.close();
});
socket.emit("chat:send", "hello");
