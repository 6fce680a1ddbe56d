// silent: one emitter passes no ack, and the handler guards with typeof callback === "function"
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
let nextId = 1;

io.on("connection", (socket) => {
  socket.on("message:create", (msg: { room: string; text: string }, callback?: (res: { id: string }) => void) => {
    const id = String(nextId++);
    if (typeof callback === "function") callback({ id });
    io.emit("message:added", msg);
  });
});
