import { Server } from "socket.io";

const io = new Server(4000);

io.of("/admin").on("connection", (socket) => {
  socket.on("kick", (user) => {
    io.of("/admin").emit("kicked", user);
  });
});
