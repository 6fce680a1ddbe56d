// silent: the client waits for its own "message:new" echo, and io.to(room) includes the sender
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
  });

  socket.on("message:new", (msg: { room: string; clientId: string; text: string }) => {
    io.to(msg.room).emit("message:new", msg);
  });
});
