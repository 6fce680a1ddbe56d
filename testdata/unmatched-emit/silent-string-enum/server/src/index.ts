import { Server } from "socket.io";
import { Ev } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on(Ev.Join, async (room: string) => {
    socket.join(room);
    const members = await io.in(room).fetchSockets();
    io.to(room).emit(Ev.Joined, { room, members: members.length });
  });
});
