import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("presence:join", (room: string) => {
    socket.join(room);
  });
  socket.on("presence:status", (status: string) => {
    socket.broadcast.emit("presence:changed", { id: socket.id, status });
  });
});
