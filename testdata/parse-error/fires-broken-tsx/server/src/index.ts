import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const rooms = ["general", "random", "help"];

io.on("connection", (socket) => {
  socket.emit("room:list", rooms);

  socket.on("room:join", (room: string) => {
    socket.join(room);
  });
});
