// fires: the client emits the reserved "disconnect" to log out; socket.io throws at runtime
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

export function logout(): void {
  socket.emit("disconnect");
}

export function ping(): void {
  socket.emit("session:ping", Date.now());
}

socket.on("session:pong", (sentAt: number) => {
  console.log(`rtt ${Date.now() - sentAt} ms`);
});
