// silent: a bare wirelint-ignore-next-line names no rule, so it suppresses every rule on the next line
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-ignore-next-line -- the mobile app emits this
  socket.on("device:register", (token: string) => console.log(token));
});
