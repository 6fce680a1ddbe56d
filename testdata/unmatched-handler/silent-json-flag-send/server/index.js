// silent: `socket.json.send(msg)` (socket.io 2) emits "message", which the client listens for
const socketio = require("socket.io");

const io = socketio(3000);

io.on("connection", (socket) => {
  socket.json.send({ type: "ACCESS", status: "grant" });
  socket.on("message", (message) => {
    if (message.type === "CLIENT_READY") {
      socket.json.send({ type: "CLIENT_VARS", padId: message.padId });
    }
  });
});
