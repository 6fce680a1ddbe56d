import { Server } from "socket.io";

const io = new Server(3000);
const paused = new Set<number>();

io.on("connection", (socket) => {
  socket.on("monitor:resume", (id: number, callback: (res: { ok: boolean }) => void) => {
    paused.delete(id);
    callback({ ok: true });
  });
});
