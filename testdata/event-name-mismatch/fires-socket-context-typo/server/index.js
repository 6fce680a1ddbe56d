const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("presence:ping", () => {
    socket.emit("presence:pong", Date.now());
  });
});
