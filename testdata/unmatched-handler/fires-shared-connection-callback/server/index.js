// fires: "ticket:close" is handled by the callback shared by "/" and "/support", but no client emits it in either namespace
const { Server } = require("socket.io");

const io = new Server(3000);

const onConnection = (socket) => {
  socket.on("chat:send", (text) => {
    socket.emit("chat:sent", text.length);
  });
  socket.on("ticket:close", (id) => {
    console.log(`ticket #${id} closed`);
  });
};

io.on("connection", onConnection);
io.of("/support").on("connection", onConnection);
