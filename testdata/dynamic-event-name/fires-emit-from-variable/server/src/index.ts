import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  // Only reached through the client's debug console (dynamic event name).
  socket.on("debug:echo", (payload: unknown) => {
    socket.emit("debug:result", payload);
  });
});
