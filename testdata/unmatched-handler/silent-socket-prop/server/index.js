const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("room:join", (room) => {
    socket.join(room);
  });
  socket.on("message", (message) => {
    io.to(message.room).emit("message", message);
  });
  socket.on("reaction", (messageId, emoji) => {
    socket.broadcast.emit("reaction", messageId, emoji);
  });
});
