// fires: server-side socket.off("typing") without the listener throws ERR_INVALID_ARG_TYPE in Node
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("typing", (room: string) => {
    socket.to(room).emit("user:typing", socket.id);
  });

  socket.on("typing:disable", () => {
    socket.off("typing");
  });
});
