// fires: "chat" is registered after an await, so a "chat" sent right after connecting is dropped
import { Server } from "socket.io";
import { loadUser } from "./users";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", async (socket) => {
  const user = await loadUser(socket.handshake.auth.token);
  socket.on("chat", (text: string) => {
    io.emit("chat:message", { from: user.name, text });
  });
});
