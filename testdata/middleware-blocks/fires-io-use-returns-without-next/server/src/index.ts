// fires: without a token the middleware returns without next(), so the client hangs at "connecting"
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.use((socket, next) => {
  if (!socket.handshake.auth.token) return;
  next();
});

io.on("connection", (socket) => {
  console.log(`connected: ${socket.id}`);
});
