import { randomUUID } from "node:crypto";
import { Server } from "socket.io";
import { EVENTS } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on(EVENTS.ORDER_PLACE, (sku: string) => {
    socket.emit(EVENTS.ORDER_PLACED, { id: randomUUID(), sku });
  });
});
