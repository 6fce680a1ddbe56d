// fires: server broadcasts "notice" but no client listens for it
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:say", (text: string) => {
    io.emit("chat:message", text);
  });
});

setInterval(() => {
  io.emit("notice", { text: "server restarts in 5 minutes" });
}, 60_000);
