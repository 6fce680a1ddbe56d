import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("chat:message", (message: { text: string; at: number }) => {
    socket.broadcast.emit("chat:message", message);
  });
  socket.on("chat:typing", () => {
    socket.broadcast.emit("chat:typing");
  });
});
