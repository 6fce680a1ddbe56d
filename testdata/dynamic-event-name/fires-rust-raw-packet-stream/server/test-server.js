const { Server } = require("socket.io");

const io = new Server(4300);

io.of("/jobs").on("connection", (socket) => {
  socket.on("job:start", ({ id }) => {
    if (id > 0) {
      socket.emit("job:done", id);
    } else {
      socket.emit("job:failed", { id, reason: "bad id" });
    }
  });
});
