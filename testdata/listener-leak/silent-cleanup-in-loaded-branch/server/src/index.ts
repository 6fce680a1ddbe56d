import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "http://localhost:5173" } });

io.on("connection", (socket) => {
  socket.on("room:join", (roomId: string) => {
    socket.join(roomId);
    io.to(roomId).emit("room:member-joined", { roomId, id: socket.id });
  });
});
