// fires: the server listens for "room:jion" while two client calls emit "room:join": the handler is the side to rename
import { Server } from "socket.io";

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("room:jion", (room: string) => {
    socket.join(room);
    socket.emit("room:joined", room);
  });
});
