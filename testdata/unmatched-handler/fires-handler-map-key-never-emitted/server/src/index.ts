import { Server } from "socket.io";
import { registerJobHandlers } from "./jobs";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  registerJobHandlers(socket);
});
