import { Server } from "socket.io";
import { TASK_ASSIGN, TASK_ASSIGNED } from "@shared/events";

const io = new Server(3000);
const closed = new Set<string>();

io.on("connection", (socket) => {
  socket.on(TASK_ASSIGN, (task: { id: string; assignee: string }) => {
    io.emit(TASK_ASSIGNED, task);
  });
  socket.on("task:close", (id: string) => {
    closed.add(id);
  });
});
