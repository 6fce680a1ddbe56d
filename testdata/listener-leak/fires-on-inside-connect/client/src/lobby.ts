// fires: "lobby:count" is registered inside the connect handler, so every reconnect adds another copy
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("connect", () => {
  socket.emit("lobby:join");
  socket.on("lobby:count", (count: number) => {
    console.log(`${count} players in the lobby`);
  });
});
