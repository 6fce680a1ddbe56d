var io = require("socket.io")(3000);

io.on("connection", function (socket) {
  socket.on("chat:message", function (text) {
    io.emit("chat:message", text);
  });
});

io.of("/mod").on("connection", function (socket) {
  socket.on("user:kick", function (userId) {
    console.log("kick", userId);
  });
});

io.of("/bans").on("connection", function (socket) {
  socket.on("ban:add", function (userId) {
    console.log("ban", userId);
  });
});
