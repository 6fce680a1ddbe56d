// silent: one connection callback serves "/" and "/support"; "ticket:open" and "ticket:opened" only travel in "/support", where they are handled
const { Server } = require("socket.io");

const io = new Server(3000);

const onConnection = (socket) => {
  socket.on("chat:send", (text) => {
    socket.emit("chat:sent", text.length);
  });
  socket.on("ticket:open", (subject) => {
    socket.emit("ticket:opened", { subject, id: Date.now() });
  });
};

io.on("connection", onConnection);
io.of("/support").on("connection", onConnection);
