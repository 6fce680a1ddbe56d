import { Server } from "socket.io";

const io = new Server(3000);
const admin = io.of("/admin");

admin.use((socket, next) => {
  if (socket.handshake.auth.token === "admin-token") {
    next();
  } else {
    next(new Error("forbidden"));
  }
});

admin.on("connection", (socket) => {
  socket.on("user:kick", (userId: string) => {
    io.in(`user:${userId}`).disconnectSockets(true);
    admin.emit("user:kicked", userId);
  });
});
