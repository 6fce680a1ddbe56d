// silent: a handler for an event sent by a client outside this repository, suppressed with a reason
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-ignore-next-line unmatched-handler -- the mobile app emits this
  socket.on("device:register", (token: string) => console.log(token));
});
