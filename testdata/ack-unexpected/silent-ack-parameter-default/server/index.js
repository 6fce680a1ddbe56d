// silent: the handler's ack has a default (`ack = () => {}`), so an emit without one is answered by the default
const { Server } = require("socket.io");
const { handleMessage } = require("./components");

const io = new Server(3000);

io.on("connection", (socket) => {
  socket.on("message", (message, ack = () => {}) =>
    handleMessage(socket, message).then(
      (value) => ack(null, value),
      (err) => ack({ name: err.name, message: err.message }),
    ),
  );
});
