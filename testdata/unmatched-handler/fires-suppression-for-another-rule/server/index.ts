// fires: the directive names another rule, so the unmatched handler is still reported
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-ignore-next-line unmatched-emit -- wrong rule: the mobile app emits this
  socket.on("device:register", (token: string) => console.log(token));
});
