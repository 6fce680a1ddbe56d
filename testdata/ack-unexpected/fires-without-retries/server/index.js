const { Server } = require("socket.io");

const io = new Server(3000);
const orders = [];

io.on("connection", (socket) => {
  socket.on("order:place", (order, callback) => {
    orders.push(order);
    callback({ ok: true, id: orders.length });
  });
  socket.on("order:cancel", ({ id }, callback) => {
    orders.splice(id - 1, 1);
    callback({ ok: true });
  });
});
