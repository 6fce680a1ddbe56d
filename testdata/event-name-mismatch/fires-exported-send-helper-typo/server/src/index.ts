import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", ({ room }: { room: string }) => {
    socket.join(room);
  });
  socket.on("room:leave", ({ room }: { room: string }, done: (ok: boolean) => void) => {
    socket.leave(room);
    done(true);
  });
});
