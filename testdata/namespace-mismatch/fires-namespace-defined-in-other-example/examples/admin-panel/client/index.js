import { io } from "socket.io-client";

const socket = io("http://localhost:4000/admin");

export function kick(user) {
  socket.emit("kick", user);
}

socket.on("kicked", (user) => console.log(`${user} was kicked`));
