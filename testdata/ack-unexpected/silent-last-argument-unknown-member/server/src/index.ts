import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const archived = new Set<number>();

io.on("connection", (socket) => {
  socket.on("item:archive", (itemId: number, callback: (res: { ok: boolean }) => void) => {
    archived.add(itemId);
    callback({ ok: true });
  });
});
