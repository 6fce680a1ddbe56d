const { Server } = require("socket.io");

const io = new Server(3000);
const cursors = new Map();

io.on("connection", (socket) => {
  socket.on("cursor:move", (position) => {
    cursors.set(socket.id, position);
    socket.broadcast.emit("cursor:moved", socket.id, position);
  });
  socket.on("cursor:hide", () => cursors.delete(socket.id));
});
