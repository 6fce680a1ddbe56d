// fires: callback() only runs in .then(); when db.save() rejects nothing acks
import { Server } from "socket.io";
import { db, type Saved } from "./db";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("message:create", (data: { text: string }, callback: (res: Saved) => void) => {
    db.save(data).then((m) => callback(m));
  });
});
