import { Server } from "socket.io";
import { boardHandlers } from "./board-handlers";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  for (const [event, handler] of Object.entries(boardHandlers)) {
    socket.on(event, handler);
  }
});
