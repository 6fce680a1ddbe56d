// silent: on the server, `io.on("connect")` is the connection listener, not a reconnect
const { Server } = require("socket.io");

const io = new Server(3003);
const sockets = new Set();

io.on("connect", (socket) => {
    sockets.add(socket);
    socket.on("disconnect", () => sockets.delete(socket));
    socket.on("hello", (name) => socket.emit("welcome", name));
});
