// fires: "unmatched-handlers" is not a rule id, so the handler is still reported and the id is named
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-ignore-next-line unmatched-handlers -- the mobile app emits this
  socket.on("device:register", (token: string) => console.log(token));
});
