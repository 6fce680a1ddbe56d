import { Server } from "socket.io";
import { Ev } from "../../shared/events";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:join", (room: string) => {
    socket.join(room);
    socket.emit(Ev.Joined, room);
  });
});
