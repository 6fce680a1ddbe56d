import { Server } from "socket.io";

const io = new Server(3000);
const names = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on("presence:hello", (name: string) => {
    names.set(socket.id, name);
    io.emit("presence:update", [...names.values()]);
  });

  socket.on("disconnect", () => {
    names.delete(socket.id);
    io.emit("presence:update", [...names.values()]);
  });
});
