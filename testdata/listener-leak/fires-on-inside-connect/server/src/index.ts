import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("lobby:join", () => {
    socket.join("lobby");
    io.to("lobby").emit("lobby:count", io.sockets.adapter.rooms.get("lobby")?.size ?? 0);
  });
});
