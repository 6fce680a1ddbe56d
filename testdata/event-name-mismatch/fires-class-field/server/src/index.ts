import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => {
    io.emit("chat:message", { from: socket.id, text });
  });
});
