import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
    socket.emit("room:joined", room);
  });
});
