import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room: string, callback: (res: { ok: boolean }) => void) => {
    socket.join(room);
    callback({ ok: true });
  });

  socket.on("chat:say", (data: { room: string; text: string }) => {
    io.to(data.room).emit("chat:message", { from: socket.id, text: data.text });
  });
});
