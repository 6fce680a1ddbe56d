import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("board:join", (boardId: string) => {
    socket.join(boardId);
  });
  socket.on("card:move", (boardId: string, cardId: string, column: string) => {
    socket.to(boardId).emit("card:moved", cardId, column);
  });
});
