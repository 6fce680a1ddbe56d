const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("cursor:move", (position) => {
    socket.broadcast.emit("cursor:moved", socket.id, position);
  });
});
