import { Server } from "socket.io";

const io = new Server(3001, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("todo:create", (title: string) => {
    io.emit("todo:created", { id: Date.now(), title });
  });
});
