const express = require("express");
const { createServer } = require("node:http");
const { Server } = require("socket.io");

const app = express();
const server = createServer(app);
const io = new Server(server);

app.use(express.static(__dirname + "/../public"));

io.on("connection", (socket) => {
  socket.on("chat message", (text) => io.emit("chat message", text));
  socket.on("whoami", (callback) => callback(socket.id));
});

server.listen(3000);
