import { Server } from "socket.io";

class Handlers {
  register(socket) {
    socket.on("quiz:send", (text) => {
      socket.broadcast.emit("quiz:update", text);
    });
  }
}

const io = new Server(3000);
const handlers = new Handlers();

io.on("connection", (socket) => {
  handlers.register(socket);
});
