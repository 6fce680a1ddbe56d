const { Server } = require("socket.io");

const io = new Server(4200);

io.of("/admin").on("connection", (socket) => {
  socket.emit("welcome", "admin");
  socket.on("hello", ({ name }) => {
    socket.emit("motd", `hello ${name}, the build is green`);
  });
});
