// fires: the callback shared by "/" and "/support" emits "ticket:reminder", which no client listens for in either namespace
const { Server } = require("socket.io");

const io = new Server(3000);

const onConnection = (socket) => {
  socket.on("chat:send", (text) => {
    socket.emit("chat:sent", text.length);
    socket.emit("ticket:reminder", "you have open tickets");
  });
};

io.on("connection", onConnection);
io.of("/support").on("connection", onConnection);
