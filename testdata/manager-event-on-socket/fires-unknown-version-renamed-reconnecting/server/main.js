const { Server } = require("socket.io");

const io = new Server(8080);
io.on("connection", (socket) => {
  socket.on("status:get", () => socket.emit("status", { up: true }));
});
