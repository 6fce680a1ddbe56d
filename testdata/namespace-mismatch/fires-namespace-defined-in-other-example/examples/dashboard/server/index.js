import { Server } from "socket.io";

const io = new Server(3000);

setInterval(() => {
  io.emit("stats", { uptime: process.uptime() });
}, 1000);
