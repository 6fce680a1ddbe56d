import { createServer } from "node:http";
import { Server } from "socket.io";

const httpServer = createServer();
const io = new Server(httpServer);

setInterval(() => {
  io.emit("ping", new Date().toISOString());
}, 1000);

httpServer.listen(3000);
