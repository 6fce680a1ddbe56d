// fires: "welcome" goes out before "room:join" is registered, so the client's reply can arrive while nothing listens
import { Server } from "socket.io";
import { loadUser } from "./users";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", async (socket) => {
  const user = await loadUser(socket.handshake.auth.token);
  socket.emit("welcome", user.name);
  await socket.join(`user:${user.name}`);
  socket.on("room:join", (room: string) => {
    socket.join(room);
    io.to(room).emit("room:joined", user.name);
  });
});
