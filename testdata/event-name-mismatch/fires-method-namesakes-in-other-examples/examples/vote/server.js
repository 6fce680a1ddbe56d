import { Server } from "socket.io";

class Handlers {
  register(socket) {
    socket.on("vote:send", (text) => {
      socket.broadcast.emit("vote:update", text);
    });
  }
}

const io = new Server(3000);
const handlers = new Handlers();

io.on("connection", (socket) => {
  handlers.register(socket);
});
