// silent: one emitter passes no ack, and the handler calls it as callback?.(...)
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
let nextId = 1;

io.on("connection", (socket) => {
  socket.on("message:create", (msg: { room: string; text: string }, callback?: (res: { id: string }) => void) => {
    const id = String(nextId++);
    callback?.({ id });
    io.emit("message:added", msg);
  });
});
