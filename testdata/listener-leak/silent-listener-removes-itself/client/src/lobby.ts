// silent: the "connect" listener removes itself before registering, and the second registration is inside a `once` listener, so each runs once
import { io } from "socket.io-client";

const socket = io("http://localhost:3000");

socket.on("connect", function onFirstConnect() {
  socket.off("connect", onFirstConnect);
  socket.on("lobby:count", (count: number) => console.log(count, "players"));
});

socket.once("connect", () => {
  socket.on("disconnect", (reason: string) => {
    console.log("left the lobby:", reason);
    socket.emit("lobby:leave");
  });
});
