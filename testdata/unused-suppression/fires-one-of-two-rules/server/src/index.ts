// fires: the directive names two rules; only unmatched-handler is reported on that line, so ack-missing is named as unused
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-ignore-next-line unmatched-handler, ack-missing -- the mobile app emits this
  socket.on("device:register", (token: string) => console.log(token));
});
