const { Server } = require("socket.io");

const io = new Server(4200);

io.on("connection", (socket) => {
  socket.emit("status", "online");
  socket.emit("welcome", "user");
});

io.of("/admin").on("connection", (socket) => {
  socket.emit("audit", { since: Date.now() });
});
