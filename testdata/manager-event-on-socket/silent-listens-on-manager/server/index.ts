import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("board:join", (boardId: string) => {
    socket.join(`board:${boardId}`);
  });
});
