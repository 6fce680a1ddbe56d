const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("vote", (pollId, choice) => {
    io.emit("tally", pollId, choice);
  });
});
