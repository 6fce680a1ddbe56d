import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("typing", (data: { isTyping: boolean }) => {
    socket.broadcast.emit("typing", { userId: socket.id, isTyping: data.isTyping });
  });
});
