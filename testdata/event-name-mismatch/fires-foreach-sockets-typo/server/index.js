import { Server } from "socket.io";
import { warnAll } from "./shutdown.js";

const io = new Server(3000);
io.on("connection", (socket) => {
  socket.on("hello", () => socket.emit("welcome"));
});
process.on("SIGTERM", () => warnAll(io, 10));
