import { Server } from "socket.io";
import { MESSAGE_ADDED, MESSAGE_NEW } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on(MESSAGE_NEW, (text: string) => {
    io.emit(MESSAGE_ADDED, text);
  });
});
