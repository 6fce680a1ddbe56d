import { Server } from "socket.io";

export const io = new Server(3000);
let next = 1;

io.on("connection", (socket) => {
  socket.on("todo:add", (todo: { title: string }, callback: (res: { id: number }) => void) => {
    const id = next++;
    io.emit("todo:added", { id, title: todo.title });
    callback({ id });
  });
});
