import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:update", (room: { id: string; name: string }) => {
    io.emit("room:updated", room);
  });
});
