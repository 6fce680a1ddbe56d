import { Server } from "socket.io";
import { announce, remind } from "./broadcast.js";

const io = new Server(3000);
io.on("connection", (socket) => {
  socket.on("away", (away) => {
    socket.data.away = away;
  });
});
io.of("/admin").on("connection", () => {});

setInterval(() => {
  announce(io, "still here");
  remind(io);
}, 60_000);
