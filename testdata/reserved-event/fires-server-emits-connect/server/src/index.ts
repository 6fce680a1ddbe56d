// fires: the server emits the reserved "connect" to greet the client; socket.io throws at runtime
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.emit("connect", { id: socket.id });
  socket.emit("motd", "Welcome!");
});
