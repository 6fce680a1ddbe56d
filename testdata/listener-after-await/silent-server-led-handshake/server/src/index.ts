// silent: the client sends "room:join" only in reply to "welcome", which the server emits after registering the listener
import { Server } from "socket.io";
import { loadUser } from "./users";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", async (socket) => {
  const user = await loadUser(socket.handshake.auth.token);
  socket.on("room:join", (room: string) => {
    socket.join(room);
    io.to(room).emit("room:joined", user.name);
  });
  socket.emit("welcome", user.name);
});
