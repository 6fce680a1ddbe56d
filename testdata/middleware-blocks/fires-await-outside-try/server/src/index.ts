// fires: if verify() rejects, the async middleware leaves before next() and the connection hangs
import { Server } from "socket.io";
import { verify } from "./auth";

const io = new Server(3000, { cors: { origin: "*" } });

io.use(async (socket, next) => {
  const user = await verify(socket.handshake.auth.token);
  socket.data.user = user;
  next();
});

io.on("connection", (socket) => {
  socket.emit("welcome", socket.data.user.name);
});
