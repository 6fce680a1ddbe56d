// silent: "chat" is registered synchronously, before the connection handler awaits loadUser()
import { Server } from "socket.io";
import { loadUser } from "./users";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", async (socket) => {
  let name = "guest";
  socket.on("chat", (text: string) => {
    io.emit("chat:message", { from: name, text });
  });
  const user = await loadUser(socket.handshake.auth.token);
  name = user.name;
});
