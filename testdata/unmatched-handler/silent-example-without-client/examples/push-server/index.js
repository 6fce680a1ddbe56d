// silent: this example's clients are mobile apps outside the repository; the chat example's client is not one of them, so "device:register" is not judged against it
import { Server } from "socket.io";

const io = new Server(4000);
const devices = new Map();

io.on("connection", (socket) => {
  socket.on("device:register", (token) => {
    devices.set(socket.id, token);
  });
});
