import { Server } from "socket.io";
import { registerChatHandlers } from "./handlers/chat";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  registerChatHandlers(io, socket);
});
