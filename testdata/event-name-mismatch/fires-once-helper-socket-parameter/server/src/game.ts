// fires: the server emits "game:start", the client waits for "game:started" through its `nextEvent(socket, event)` helper
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("game:join", ({ gameId }: { gameId: string }) => {
    socket.join(gameId);
    io.to(gameId).emit("game:start", { players: [socket.id] });
  });
});
