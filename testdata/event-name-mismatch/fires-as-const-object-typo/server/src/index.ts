import { Server } from "socket.io";
import { Events } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("message:delete", (id: string) => {
    io.emit(Events.MessageRemoved, id);
  });
});
