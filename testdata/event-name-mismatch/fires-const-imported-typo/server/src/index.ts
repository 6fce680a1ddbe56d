import { Server } from "socket.io";
import { MESSAGE_CHANGED } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("message:edit", (message: { id: string; text: string }) => {
    io.emit(MESSAGE_CHANGED, message);
  });
});
