import { Server } from "socket.io";
import { EVENTS } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("order:cancel", (id: string) => {
    socket.emit(EVENTS.ORDER_CANCELLED, id);
  });
});
