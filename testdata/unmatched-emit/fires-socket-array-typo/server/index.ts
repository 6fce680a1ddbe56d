import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("join", (room: string) => {
    socket.join(room);
    io.to(room).emit("joined", socket.id);
  });
});
