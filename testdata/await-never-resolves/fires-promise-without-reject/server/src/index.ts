import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const rooms = new Set<string>();

io.on("connection", (socket) => {
  socket.on("room:create", (name: string, callback: (res: { ok: boolean; id: string }) => void) => {
    if (rooms.has(name)) {
      callback({ ok: false, id: "" });
      return;
    }
    rooms.add(name);
    callback({ ok: true, id: name });
  });
});
