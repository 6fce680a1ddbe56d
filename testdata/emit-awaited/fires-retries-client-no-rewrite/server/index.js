const { Server } = require("socket.io");

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("profile:save", (profile, callback) => {
    callback({ ok: true, name: profile.name });
  });
});
