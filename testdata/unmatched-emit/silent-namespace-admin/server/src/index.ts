import { Server } from "socket.io";

const io = new Server(3000);
const banned = new Set<string>();

io.on("connection", (socket) => {
  socket.emit("chat:message", "welcome");
});

io.of("/admin").on("connection", (socket) => {
  socket.on("user:ban", (userId: string) => {
    banned.add(userId);
    io.of("/admin").emit("user:banned", userId);
  });
});
