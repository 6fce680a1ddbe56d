import { Server } from "socket.io";

const io = new Server(3000);
const banned = new Set<string>();

io.on("connection", (socket) => {
  socket.on("chat:say", (text: string) => {
    if (!banned.has(socket.id)) {
      io.emit("chat:message", text);
    }
  });
  socket.on("admin:ban", (user: string) => {
    banned.add(user);
  });
});
