const { Server } = require("socket.io");

const io = new Server(3000, { serveClient: true });

io.on("connection", (socket) => {
  socket.on("chat message", (text) => io.emit("chat message", text));
});
