// fires: the catch answers only a `TableFullError`; any other error leaves the client waiting
import { Server } from "socket.io";
import { db } from "./db";

class TableFullError extends Error {}

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on(
    "message:create",
    async (data: { text: string }, callback: (res: { ok: boolean; id?: string; error?: string }) => void) => {
      try {
        const saved = await db.save(data);
        callback({ ok: true, id: saved.id });
      } catch (e) {
        if (e instanceof TableFullError) {
          callback({ ok: false, error: e.message });
        }
      }
    },
  );
});
