import {Server} from "socket.io";
import {boards} from "./boards";

const io = new Server(9000);

io.on("connection", (socket) => {
  socket.on("sort:boards", (data: {order: string[]}) => {
    boards.sortBoards(data.order);
  });

  socket.on("sort:lanes", (data: {board: string; order: number[]}) => {
    boards.sortLanes(data.board, data.order);
  });
});
