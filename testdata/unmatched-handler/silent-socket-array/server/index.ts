import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
  });
  socket.on("room:leave", (room: string) => {
    socket.leave(room);
  });
  socket.on("ping:all", () => {
    io.emit("pong", socket.id);
  });
  socket.on("kick", (id: string) => {
    io.in(id).disconnectSockets();
  });
  socket.on("pool:hello", (size: number) => {
    console.log("pool of", size);
  });
  socket.on("pool:leader", () => {
    socket.join("leaders");
  });
  socket.on("stats", () => {
    socket.emit("stats", io.engine.clientsCount);
  });
});
