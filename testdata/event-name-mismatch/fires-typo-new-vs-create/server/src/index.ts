import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("message:create", (message: { room: string; text: string }) => {
    io.emit("message:added", message);
  });
});
