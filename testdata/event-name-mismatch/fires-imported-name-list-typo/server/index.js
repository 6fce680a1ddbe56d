const { Server } = require("socket.io");

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("inventory:load", () => socket.emit("inventory:changed"));
});

function onDelivery() {
  io.emit("inventory:restock");
  io.emit("prices:changed");
}

module.exports = { onDelivery };
