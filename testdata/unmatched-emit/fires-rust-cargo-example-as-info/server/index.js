const { Server } = require("socket.io");

const io = new Server(5000);

io.on("connection", (socket) => {
  socket.on("greet", (name) => {
    socket.emit("greeting", `hello, ${name}`);
  });
});
