import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("session:ping", (sentAt: number) => {
    socket.emit("session:pong", sentAt);
  });

  socket.on("disconnect", (reason) => {
    console.log(`${socket.id} gone: ${reason}`);
  });
});
