// fires: if db.save() rejects, the await leaves the handler before callback() is called
import { Server } from "socket.io";
import { db, type Saved } from "./db";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("message:create", async (data: { text: string }, callback: (res: Saved) => void) => {
    const saved = await db.save(data);
    callback(saved);
  });
});
