import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "http://localhost:5173" } });

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => {
    io.emit("chat:message", text);
  });
});
