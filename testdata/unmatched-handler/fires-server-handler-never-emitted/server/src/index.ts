// fires: the server handles "room:leave" but no client ever emits it
import { Server } from "socket.io";

const io = new Server(3000);

async function broadcastMembers(room: string): Promise<void> {
  const sockets = await io.in(room).fetchSockets();
  io.to(room).emit("room:members", sockets.map((s) => s.id));
}

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
    void broadcastMembers(room);
  });

  socket.on("room:leave", (room: string) => {
    socket.leave(room);
    void broadcastMembers(room);
  });
});
