// silent: a raw TCP server (`net.createServer()`) and a server passed in as a parameter both listen for "connection"; nothing Socket.IO-specific is done with their sockets, so they are not Socket.IO servers
"use strict";

const net = require("net");

const tcp = net.createServer();
tcp.on("connection", (socket) => {
  socket.on("data", (chunk) => socket.write(chunk));
  socket.on("end", () => console.log("bye"));
});
tcp.listen(9000);

exports.track = (server) => {
  server.on("connection", (conn) => {
    conn.setKeepAlive(true);
    conn.on("close", () => console.log("closed"));
  });
};
