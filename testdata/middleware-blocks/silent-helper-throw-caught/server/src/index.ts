// silent: the throw of requireSession() is caught and refused with next(err), so every packet gets an answer
import { Server } from "socket.io";
import { requireSession } from "./session";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.use(([event], next) => {
    try {
      if (event !== "board:list") {
        requireSession(socket);
      }
      next();
    } catch (err) {
      next(err as Error);
    }
  });

  socket.on("error", (err) => socket.emit("board:error", err.message));

  socket.on("board:list", (callback: (boards: string[]) => void) => {
    callback(["welcome"]);
  });

  socket.on("board:create", (name: string) => {
    socket.emit("board:created", name);
  });
});
