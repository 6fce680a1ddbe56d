import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.emit("lobby:count", io.engine.clientsCount);
  socket.on("lobby:leave", () => socket.disconnect());
});
