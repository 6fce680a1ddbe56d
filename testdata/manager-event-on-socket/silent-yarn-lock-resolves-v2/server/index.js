const io = require("socket.io")(4000);

let count = 0;
io.on("connection", (socket) => {
  socket.emit("tally:count", count);
  socket.on("tally:sync", (value) => {
    count = Math.max(count, value);
    io.emit("tally:count", count);
  });
});
