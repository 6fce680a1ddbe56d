const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("stats:subscribe", () => socket.join("stats"));
});

module.exports = {
  get io() {
    return io;
  },
};
