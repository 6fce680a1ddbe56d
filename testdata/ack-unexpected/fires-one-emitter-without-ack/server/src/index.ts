import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
let nextId = 1;

io.on("connection", (socket) => {
  socket.on("message:create", (msg: { room: string; text: string }, callback: (res: { id: string }) => void) => {
    callback({ id: String(nextId++) });
    io.emit("message:added", msg);
  });
});
