const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (roomId) => socket.join(roomId));
  socket.on("room:leave", (roomId) => socket.leave(roomId));
});
