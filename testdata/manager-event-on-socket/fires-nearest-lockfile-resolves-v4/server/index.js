const http = require("http");
const socketio = require("socket.io");

const server = http.createServer();
const io = socketio(server);
io.on("connection", (socket) => {
  socket.on("kiosk:hello", (kioskId) => socket.join(`kiosk:${kioskId}`));
});
server.listen(8080);
