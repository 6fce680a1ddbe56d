// silent: the await is inside try and both the try and the catch call the ack
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
        callback({ ok: false, error: String(e) });
      }
    },
  );
});
