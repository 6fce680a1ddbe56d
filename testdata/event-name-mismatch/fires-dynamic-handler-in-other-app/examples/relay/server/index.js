import { Server } from "socket.io";

const io = new Server(3001);

function forward(socket, event) {
  socket.on(event, (payload) => {
    socket.broadcast.emit("relayed", { event, payload });
  });
}

io.on("connection", (socket) => {
  for (const event of process.env.RELAYED_EVENTS.split(",")) {
    forward(socket, event);
  }
});
