import { Server } from "socket.io";

const io = new Server(3000);
const MAX_LENGTH = 500;

io.on("connection", (socket) => {
  socket.on("message", (text: string) => {
    if (text.length > MAX_LENGTH) {
      socket.emit("error", { code: "message_too_long" });
      return;
    }
    io.emit("message", text);
  });
});
