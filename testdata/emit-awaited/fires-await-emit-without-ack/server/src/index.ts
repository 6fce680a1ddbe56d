// fires: awaiting a server `emit` waits for nothing: it returns `true` once the packet is queued
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:join", async (room: string) => {
    await socket.join(room);
    await socket.emit("room:joined", room);
    console.log(socket.id, "joined", room);
  });
});
