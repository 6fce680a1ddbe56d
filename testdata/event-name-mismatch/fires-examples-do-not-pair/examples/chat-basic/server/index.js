import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("message:create", (message) => {
    io.emit("message:created", { from: socket.id, text: message.text });
  });
});
