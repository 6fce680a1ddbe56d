// fires: requireSession() throws for a visitor who is not signed in, so next() is never called and every packet is dropped, the public "board:list" included
import { Server } from "socket.io";
import { requireSession } from "./session";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.use((_packet, next) => {
    requireSession(socket);
    next();
  });

  socket.on("board:list", (callback: (boards: string[]) => void) => {
    callback(["welcome"]);
  });

  socket.on("board:create", (name: string) => {
    socket.emit("board:created", name);
  });
});
