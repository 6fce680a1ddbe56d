const { Server } = require("socket.io");

exports.createServer = (port) => {
  const server = new Server(port);
  server.on("connection", (socket) => {
    socket.on("chat:send", (text) => socket.emit("chat:message", text));
  });
  return server;
};
