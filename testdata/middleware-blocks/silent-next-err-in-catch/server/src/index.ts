// silent: the await is inside try; success calls next() and the catch calls next(err)
import { Server } from "socket.io";
import { verify } from "./auth";

const io = new Server(3000, { cors: { origin: "*" } });

io.use(async (socket, next) => {
  try {
    const user = await verify(socket.handshake.auth.token);
    socket.data.user = user;
    next();
  } catch (err) {
    next(err as Error);
  }
});

io.on("connection", (socket) => {
  socket.emit("welcome", socket.data.user.name);
});
