// silent: every case of the switch (fall-through and default included) calls the ack
import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });
const statuses = new Map<string, string>();

io.on("connection", (socket) => {
  socket.on("presence:set", (status: string, callback: (res: { ok: boolean; status?: string }) => void) => {
    switch (status) {
      case "online":
      case "away":
        statuses.set(socket.id, status);
        callback({ ok: true, status });
        break;
      case "offline":
        statuses.delete(socket.id);
        callback({ ok: true });
        break;
      default:
        callback({ ok: false });
    }
  });
});
