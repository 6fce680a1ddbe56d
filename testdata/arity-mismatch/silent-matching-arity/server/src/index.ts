import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const size = 8;

io.on("connection", (socket) => {
  socket.on("move", (x: number, y: number, callback: (ok: boolean) => void) => {
    callback(x >= 0 && y >= 0 && x < size && y < size);
  });
});
