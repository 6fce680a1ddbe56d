import { Server } from "socket.io";

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room: string, ack: (members: string[]) => void) => {
    socket.join(room);
    ack([socket.id]);
  });
});
