// silent: the catch narrows the caught value with `instanceof Error` for the type checker; thrown values are errors
import { Server } from "socket.io";
import { db } from "./db";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on(
    "message:create",
    async (data: { text: string }, callback: (res: { ok: boolean; id?: string; error?: string }) => void) => {
      try {
        const saved = await db.save(data);
        callback({ ok: true, id: saved.id });
      } catch (e) {
        if (!(e instanceof Error)) {
          console.error("unknown error", e);
          return;
        }
        if (e instanceof Error) {
          callback({ ok: false, error: e.message });
        }
      }
    },
  );
});
