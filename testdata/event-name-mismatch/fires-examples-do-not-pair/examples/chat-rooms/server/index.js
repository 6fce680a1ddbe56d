import { Server } from "socket.io";

const io = new Server(3001);

io.on("connection", (socket) => {
  socket.on("message:new", (message) => {
    io.to(message.room).emit("message:created", message);
  });
});
