import { Server } from "socket.io";
import { attachMetrics } from "./metrics";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:say", (text) => io.emit("chat:message", text));
});

attachMetrics({ io });
