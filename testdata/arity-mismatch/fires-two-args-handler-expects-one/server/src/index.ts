import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("move", (pos: { x: number; y: number }, callback: (ok: boolean) => void) => {
    console.log(`${socket.id} moves to`, pos);
    callback(true);
  });
});
