// fires: the per-packet middleware returns without next() for "admin:kick", silently dropping it
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.use(([event], next) => {
    if (event === "admin:kick" && socket.handshake.auth.role !== "admin") return;
    next();
  });

  socket.on("chat:say", (text: string) => {
    console.log(`${socket.id}: ${text}`);
  });

  socket.on("admin:kick", (userId: string) => {
    io.in(userId).disconnectSockets(true);
  });
});
