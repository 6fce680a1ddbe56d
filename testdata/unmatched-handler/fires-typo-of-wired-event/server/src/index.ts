import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("message:delete", (msg: { id: string }) => {
    io.emit("message:deleted", { id: msg.id });
  });
});
