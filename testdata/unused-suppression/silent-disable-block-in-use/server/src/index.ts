// silent: the block disables unmatched-handler for the mobile app's events, and both handlers in it are unmatched
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("chat:send", (text: string) => io.emit("chat:message", text));
  // wirelint-disable unmatched-handler -- the mobile app emits these
  socket.on("device:register", (token: string) => console.log(token));
  socket.on("device:unregister", (token: string) => console.log(token));
  // wirelint-enable unmatched-handler
});
