const { Server } = require("socket.io");
const handlers = require("./socket/handlers");

const io = new Server(3000);

io.on("connection", (socket) => {
  Object.keys(handlers).forEach((event) => socket.on(event, handlers[event]));
});
