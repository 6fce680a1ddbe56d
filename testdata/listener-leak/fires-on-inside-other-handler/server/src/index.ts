// fires: "game:move" is registered inside the "game:join" handler, so each join adds another listener
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("game:join", (gameId: string) => {
    socket.join(gameId);
    socket.on("game:move", (move: string) => {
      socket.to(gameId).emit("game:moved", move);
    });
  });
});
