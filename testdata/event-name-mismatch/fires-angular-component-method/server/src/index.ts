import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("chat:message", (text: string) => {
    console.log(`${socket.id}: ${text}`);
  });
});
