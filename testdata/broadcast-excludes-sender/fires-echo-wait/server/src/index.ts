// fires: socket.to(room) excludes the sender, so its own "message:new" never comes back to it
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
  });

  socket.on("message:new", (msg: { room: string; clientId: string; text: string }) => {
    socket.to(msg.room).emit("message:new", msg);
  });
});
