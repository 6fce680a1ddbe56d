// silent: the client waits for "game:started" through its `nextEvent(socket, event)` helper, and the server emits it
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("game:join", ({ gameId }: { gameId: string }) => {
    socket.join(gameId);
    io.to(gameId).emit("game:started", { players: [socket.id] });
  });
});
