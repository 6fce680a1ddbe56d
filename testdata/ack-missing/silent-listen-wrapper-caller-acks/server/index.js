const { Server } = require("socket.io");

const io = new Server(3000, { cors: { origin: "*" } });

io.on("connection", (socket) => {
  socket.on("message:send", (text) => {
    const message = { from: socket.id, text, at: Date.now() };
    socket.broadcast.timeout(5000).emit("message:new", message, (err) => {
      if (err) console.warn("some clients did not confirm", message.at);
    });
  });
});
