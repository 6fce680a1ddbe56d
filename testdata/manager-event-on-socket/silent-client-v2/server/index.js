const http = require("http");
const socketio = require("socket.io");

const server = http.createServer();
const io = socketio(server);
io.of("/pad").on("connection", (socket) => {
  socket.on("pad:join", ({ padId }) => socket.join(padId));
});
server.listen(9001);
